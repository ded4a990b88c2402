package dev.hookc.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A project's Java sources, its own and the generated ones, each named by its path below its root
 * ({@code a/b/C.java}, the name a class file's source attribute gives), and those that changed,
 * were added or were deleted since their last compilation was installed.
 *
 * <p>The project's own sources change when the watcher says so; the generated ones when a
 * generation writes or deletes them, which their sizes and times before and after tell.
 */
final class JavaSources {
  private record Stamp(long size, FileTime modified) {}

  private final List<Path> ownRoots;
  private final Path generatedRoot;
  private Map<String, Stamp> generated;
  private final Set<String> changed = new TreeSet<>();
  private final Set<String> deleted = new TreeSet<>();

  JavaSources(List<Path> ownRoots, Path generatedRoot) throws IOException {
    this.ownRoots = ownRoots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    this.generatedRoot = generatedRoot.toAbsolutePath().normalize();
    this.generated = stamps(this.generatedRoot);
  }

  /** Notes {@code file} as changed, added or deleted, when it is one of the project's own. */
  void noteOwn(Path file) {
    if (!file.toString().endsWith(".java")) {
      return;
    }
    for (Path root : ownRoots) {
      if (file.startsWith(root)) {
        note(name(root, file), Files.exists(file));
        return;
      }
    }
  }

  /** Notes the generated sources that a generation wrote or deleted since the last call. */
  void noteGenerated() throws IOException {
    Map<String, Stamp> now = stamps(generatedRoot);
    now.forEach(
        (source, stamp) -> {
          if (!stamp.equals(generated.get(source))) {
            note(source, true);
          }
        });
    for (String source : generated.keySet()) {
      if (!now.containsKey(source)) {
        note(source, false);
      }
    }
    generated = now;
  }

  /** The sources changed or added since the last {@link #compiled}. */
  Set<String> changed() {
    return Set.copyOf(changed);
  }

  /** The sources deleted since the last {@link #compiled}. */
  Set<String> deleted() {
    return Set.copyOf(deleted);
  }

  boolean hasChanges() {
    return !changed.isEmpty() || !deleted.isEmpty();
  }

  /** Forgets the changes: a compilation of them is installed. */
  void compiled() {
    changed.clear();
    deleted.clear();
  }

  /** Every source now, by name, with its file; the project's own first where a name repeats. */
  Map<String, Path> all() throws IOException {
    Map<String, Path> sources = new TreeMap<>();
    List<Path> roots = new ArrayList<>(ownRoots);
    roots.add(generatedRoot);
    for (Path root : roots) {
      for (String source : stamps(root).keySet()) {
        sources.putIfAbsent(source, root.resolve(source));
      }
    }
    return sources;
  }

  private void note(String source, boolean exists) {
    if (exists) {
      changed.add(source);
      deleted.remove(source);
    } else {
      changed.remove(source);
      deleted.add(source);
    }
  }

  private static String name(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The Java sources below {@code root}, by name, with their sizes and times. */
  private static Map<String, Stamp> stamps(Path root) throws IOException {
    Map<String, Stamp> stamps = new HashMap<>();
    if (!Files.isDirectory(root)) {
      return stamps;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        if (file.toString().endsWith(".java")) {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            stamps.put(
                name(root, file), new Stamp(attributes.size(), attributes.lastModifiedTime()));
          }
        }
      }
    }
    return stamps;
  }
}
