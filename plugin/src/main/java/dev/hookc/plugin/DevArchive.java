package dev.hookc.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data archive of the dependencies' classes for the applications {@code hookc:run}
 * restarts, so that each restart maps them instead of loading them again: about a third less time
 * until it serves.
 *
 * <p>The first application of a session runs with {@code -XX:DumpLoadedClassList}; once it serves,
 * a JVM of the same options dumps the classes on that list that come from the dependencies ({@code
 * -Xshare:dump}). The project's classes cannot be in it (they change, and the JDK does not archive
 * classes from directories), so the classes directory comes after the dependencies on the class
 * path, whose jars must be the archive's in the same order. The archive is kept in the build
 * directory with a key of the JDK, the options and the jars' sizes and times, and used by later
 * sessions while the key holds. Dependencies that are not all jars (a module of the same build that
 * was only compiled) mean no archive; so does a dump that fails.
 */
final class DevArchive {
  private final Path java;
  private final Path workingDirectory;
  private final List<String> jvmArguments;
  private final List<Path> dependencies;
  private final Path archive;
  private final Path keyFile;
  private final Path classList;
  private final Path log;
  private final String key;
  private volatile boolean usable;
  private boolean dumping;

  private DevArchive(
      Path directory, ChildApplication.Command command, List<Path> dependencies, String key) {
    this.java = command.java();
    this.workingDirectory = command.workingDirectory();
    List<String> jvmArguments = command.jvmArguments();
    this.jvmArguments = List.copyOf(jvmArguments);
    this.dependencies = List.copyOf(dependencies);
    this.archive = directory.resolve("dependencies.jsa");
    this.keyFile = directory.resolve("dependencies.key");
    this.classList = directory.resolve("classes.lst");
    this.log = directory.resolve("dependencies-dump.log");
    this.key = key;
    this.usable = key != null && Files.isRegularFile(archive) && key.equals(readKey(keyFile));
  }

  /**
   * The archive in {@code directory} for applications started as {@code command}, whose class path
   * is {@code dependencies} followed by the classes directory.
   */
  static DevArchive in(Path directory, ChildApplication.Command command, List<Path> dependencies) {
    return new DevArchive(
        directory,
        command,
        dependencies,
        key(command.java(), command.jvmArguments(), dependencies));
  }

  /** The options for the next application: mapping the archive, or listing its classes for one. */
  synchronized List<String> options() {
    if (usable) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
    if (key == null || dumping) {
      return List.of();
    }
    try {
      // The JVM does not create it, and says nothing when it cannot write the list.
      Files.createDirectories(classList.getParent());
    } catch (IOException e) {
      return List.of();
    }
    return List.of("-XX:DumpLoadedClassList=" + classList);
  }

  /**
   * Dumps the archive, once, from the class list an application started with {@link #options}
   * wrote; later applications map it. Blocks for the dump: call it from a thread of its own.
   */
  void dump() {
    synchronized (this) {
      if (usable || dumping || key == null || !Files.isRegularFile(classList)) {
        return;
      }
      dumping = true;
    }
    try {
      Path partial = archive.resolveSibling(archive.getFileName() + ".tmp");
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.addAll(jvmArguments);
      command.add("-Xshare:dump");
      command.add("-XX:SharedClassListFile=" + classList);
      command.add("-XX:SharedArchiveFile=" + partial);
      command.add("-cp");
      command.add(
          String.join(File.pathSeparator, dependencies.stream().map(Path::toString).toList()));
      Files.createDirectories(archive.getParent());
      Process process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (process.waitFor(2, TimeUnit.MINUTES)
          && process.exitValue() == 0
          && Files.isRegularFile(partial)) {
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        usable = true;
      } else {
        process.destroyForcibly();
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      // Without an archive, restarts only take longer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether restarts map the archive. */
  boolean isUsable() {
    return usable;
  }

  private static String key(Path java, List<String> jvmArguments, List<Path> dependencies) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<String> parts = new ArrayList<>();
      parts.add(java.toAbsolutePath().toString());
      parts.add(System.getProperty("java.vm.version", ""));
      parts.addAll(jvmArguments);
      for (Path dependency : dependencies) {
        BasicFileAttributes attributes =
            Files.readAttributes(dependency, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
          return null;
        }
        parts.add(
            dependency.toAbsolutePath()
                + "@"
                + attributes.size()
                + "@"
                + attributes.lastModifiedTime().toMillis());
      }
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String readKey(Path keyFile) {
    try {
      return Files.readString(keyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
