package dev.hookc.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Makes a project's jar runnable with {@code java -jar}: copies its runtime dependencies into
 * {@code lib/} next to it and names them in its manifest's {@code Class-Path}, with the application
 * as its {@code Main-Class}.
 *
 * <p>The jar is rewritten in place with the entries it had, in their order and with their times, so
 * that a reproducible build stays reproducible; only the manifest changes, and a jar that already
 * has this manifest is left untouched. A dependency is copied only when it differs in size or time
 * from the copy already there, and keeps its time: the class-data archive is checked against the
 * jars' times. Files in {@code lib/} that are no longer dependencies are deleted.
 */
final class ExecutableJar {
  /** The directory next to the jar that holds the dependencies. */
  static final String LIB = "lib";

  /**
   * A runtime dependency.
   *
   * @param file its jar
   * @param groupId its group, to tell apart two artifacts of the same name
   * @param artifactId its name
   * @param baseVersion its version, {@code 1.0-SNAPSHOT} rather than a timestamped one
   * @param classifier its classifier, or null
   */
  record Dependency(
      Path file, String groupId, String artifactId, String baseVersion, String classifier) {
    Dependency {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(artifactId, "artifactId");
      Objects.requireNonNull(baseVersion, "baseVersion");
    }

    /** The file name in {@code lib/}: {@code artifactId-version[-classifier].jar}. */
    String fileName() {
      return artifactId
          + "-"
          + baseVersion
          + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier)
          + ".jar";
    }
  }

  private ExecutableJar() {}

  /**
   * Copies {@code dependencies} into {@code lib/} next to {@code jar}, and gives {@code jar} a
   * manifest that starts {@code mainClass} with them on the class path; returns the class path.
   *
   * @throws IOException when a file cannot be read or written; the message names it
   * @throws IllegalArgumentException when a dependency is not a jar file
   */
  static List<String> make(Path jar, String mainClass, List<Dependency> dependencies)
      throws IOException {
    Path lib = jar.toAbsolutePath().getParent().resolve(LIB);
    List<String> classPath = copy(dependencies, lib);
    Manifest manifest = readManifest(jar);
    Attributes main = manifest.getMainAttributes();
    String joined = String.join(" ", classPath);
    if (mainClass.equals(main.getValue(Attributes.Name.MAIN_CLASS))
        && joined.equals(Objects.toString(main.getValue(Attributes.Name.CLASS_PATH), ""))) {
      return classPath;
    }
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, mainClass);
    if (classPath.isEmpty()) {
      main.remove(Attributes.Name.CLASS_PATH);
    } else {
      main.put(Attributes.Name.CLASS_PATH, joined);
    }
    rewrite(jar, manifest);
    return classPath;
  }

  /** Copies the dependencies that changed; returns their paths relative to the jar. */
  private static List<String> copy(List<Dependency> dependencies, Path lib) throws IOException {
    Map<String, Integer> names = new HashMap<>();
    for (Dependency dependency : dependencies) {
      names.merge(dependency.fileName(), 1, Integer::sum);
    }
    Files.createDirectories(lib);
    List<String> classPath = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (Dependency dependency : dependencies) {
      if (!Files.isRegularFile(dependency.file())) {
        throw new IllegalArgumentException(
            "not a jar file: "
                + dependency.file()
                + " ("
                + dependency.groupId()
                + ":"
                + dependency.artifactId()
                + "; a module of this build that was compiled but not packaged?)");
      }
      // Two artifacts of the same name from different groups keep both, each under its group.
      String name =
          names.get(dependency.fileName()) > 1
              ? dependency.groupId() + "-" + dependency.fileName()
              : dependency.fileName();
      Path target = lib.resolve(name);
      if (!sameFile(dependency.file(), target)) {
        Files.copy(
            dependency.file(),
            target,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
      kept.add(name);
      classPath.add(LIB + "/" + name);
    }
    try (Stream<Path> files = Files.list(lib)) {
      for (Path file : files.toList()) {
        if (!kept.contains(file.getFileName().toString()) && Files.isRegularFile(file)) {
          Files.delete(file);
        }
      }
    }
    return classPath;
  }

  private static boolean sameFile(Path source, Path target) throws IOException {
    if (!Files.isRegularFile(target)) {
      return false;
    }
    BasicFileAttributes from = Files.readAttributes(source, BasicFileAttributes.class);
    BasicFileAttributes to = Files.readAttributes(target, BasicFileAttributes.class);
    return from.size() == to.size() && from.lastModifiedTime().equals(to.lastModifiedTime());
  }

  private static Manifest readManifest(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null ? new Manifest() : new Manifest(manifest);
    } catch (IOException e) {
      throw new IOException("cannot read " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code jar} again with {@code manifest}: the directory entry {@code META-INF/} and the
   * manifest first, where {@code java -jar} looks for them, then every other entry as it was.
   */
  private static void rewrite(Path jar, Manifest manifest) throws IOException {
    Path partial = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(partial);
        JarOutputStream out = new JarOutputStream(file)) {
      List<? extends ZipEntry> entries = Collections.list(in.entries());
      ZipEntry directory = in.getEntry("META-INF/");
      ZipEntry old = in.getEntry(JarFile.MANIFEST_NAME);
      long time = old != null ? old.getTime() : directory != null ? directory.getTime() : -1;
      ZipEntry metaInf = new ZipEntry("META-INF/");
      ZipEntry manifestEntry = new ZipEntry(JarFile.MANIFEST_NAME);
      if (time != -1) {
        metaInf.setTime(time);
        manifestEntry.setTime(time);
      }
      out.putNextEntry(metaInf);
      out.closeEntry();
      out.putNextEntry(manifestEntry);
      manifest.write(out);
      out.closeEntry();
      for (ZipEntry entry : entries) {
        String name = entry.getName();
        if (name.equals("META-INF/") || name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
          continue;
        }
        ZipEntry copy = new ZipEntry(entry);
        // Compressed again, possibly to another size than the original's.
        copy.setCompressedSize(-1);
        out.putNextEntry(copy);
        try (InputStream content = in.getInputStream(entry)) {
          content.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw new IOException("cannot rewrite " + jar + ": " + e.getMessage(), e);
    }
    Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
  }
}
