package dev.hookc.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changed resources a rebuild copies into the classes directory, as they are: added and
 * modified files are copied, deleted ones deleted there. A filtered resource directory is Maven's
 * to copy, since its files need the build's properties: a change there only gets a warning.
 */
final class ResourceCopy {
  private final List<HotRebuild.ResourceRoot> roots;
  private final Path classesDirectory;
  private final Path projectDirectory;
  private final Set<Path> pending = new LinkedHashSet<>();

  ResourceCopy(List<HotRebuild.ResourceRoot> roots, Path classesDirectory, Path projectDirectory) {
    this.roots = List.copyOf(roots);
    this.classesDirectory = classesDirectory;
    this.projectDirectory = projectDirectory;
  }

  /** Notes {@code file} to copy, when it is a resource; adds a warning when it is filtered. */
  void note(Path file, List<String> warnings) {
    for (HotRebuild.ResourceRoot root : roots) {
      if (file.startsWith(root.directory().toAbsolutePath())) {
        if (root.filtered()) {
          warnings.add(
              projectDirectory.relativize(file)
                  + ": filtered by Maven; run the build to copy it into "
                  + classesDirectory.getFileName());
        } else {
          pending.add(file);
        }
        return;
      }
    }
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Copies or deletes every noted resource. */
  void install() throws IOException {
    for (Path file : pending) {
      copy(file);
    }
    pending.clear();
  }

  private void copy(Path file) throws IOException {
    for (HotRebuild.ResourceRoot root : roots) {
      Path directory = root.directory().toAbsolutePath();
      if (file.startsWith(directory)) {
        Path base =
            root.targetPath() == null || root.targetPath().isEmpty()
                ? classesDirectory
                : classesDirectory.resolve(root.targetPath());
        Path target = base.resolve(directory.relativize(file).toString());
        if (Files.isRegularFile(file)) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(target);
        }
        return;
      }
    }
  }
}
