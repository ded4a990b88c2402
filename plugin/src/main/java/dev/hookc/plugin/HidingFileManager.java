package dev.hookc.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The JDK's file manager, except that classes of the class path can be hidden from the compiler:
 * the ones a compilation replaces. Without it, a class whose source was deleted or renamed would
 * still be found in the classes directory, and code that still uses it would compile, to fail when
 * it runs.
 */
final class HidingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  private Set<String> hidden = Set.of();
  private final Map<StandardLocation, List<Path>> locations = new EnumMap<>(StandardLocation.class);

  HidingFileManager(StandardJavaFileManager files) {
    super(files);
  }

  /** Hides the classes named {@code internalNames} ({@code a/b/C$D}) until the next call. */
  void hide(Set<String> internalNames) {
    Set<String> binary = new HashSet<>();
    internalNames.forEach(name -> binary.add(name.replace('/', '.')));
    this.hidden = Set.copyOf(binary);
  }

  /**
   * Sets {@code location} unless it has these paths already: setting it drops what the file manager
   * knows of its jars, which the next compilation would read again.
   */
  void setLocationFromPaths(StandardLocation location, Collection<? extends Path> paths)
      throws IOException {
    List<Path> wanted = List.copyOf(paths);
    if (!wanted.equals(locations.get(location))) {
      fileManager.setLocationFromPaths(location, wanted);
      locations.put(location, wanted);
    }
  }

  Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
    return fileManager.getJavaFileObjectsFromPaths(paths);
  }

  @Override
  public Iterable<JavaFileObject> list(
      Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
      throws IOException {
    Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
    if (hidden.isEmpty() || location != StandardLocation.CLASS_PATH) {
      return listed;
    }
    List<JavaFileObject> shown = new ArrayList<>();
    for (JavaFileObject file : listed) {
      if (file.getKind() != JavaFileObject.Kind.CLASS
          || !hidden.contains(inferBinaryName(location, file))) {
        shown.add(file);
      }
    }
    return shown;
  }

  @Override
  public JavaFileObject getJavaFileForInput(
      Location location, String className, JavaFileObject.Kind kind) throws IOException {
    if (location == StandardLocation.CLASS_PATH && hidden.contains(className)) {
      return null;
    }
    return super.getJavaFileForInput(location, className, kind);
  }
}
