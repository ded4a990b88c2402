package dev.hookc.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The files of an embedded H2 store, which hold request bodies, headers and signatures: readable by
 * their owner only, where the file system has POSIX permissions.
 *
 * <p>H2 creates its files with the process's umask, typically {@code 0644}. So hookc creates the
 * directory ({@code 0700}) and the files H2 is about to write ({@code 0600}) first, empty, which H2
 * then fills in place; and it restricts whatever else H2 created there when the store opens and
 * closes. A directory that already exists keeps its permissions: the files in it are still
 * restricted.
 */
final class DataFiles {
  private static final String FILE_URL = "jdbc:h2:file:";
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  // The database and H2's error log, which quotes the statements that failed and their values.
  private static final List<String> SUFFIXES = List.of(".mv.db", ".trace.db");

  private DataFiles() {}

  /** Creates the directory and files of an H2 file URL for the owner only, if they are missing. */
  static void prepare(String url) {
    Path base = base(url);
    if (base == null) {
      return;
    }
    try {
      if (!posix()) {
        Files.createDirectories(base.getParent());
        return;
      }
      if (!Files.isDirectory(base.getParent())) {
        Files.createDirectories(base.getParent(), OWNER_DIRECTORY);
      }
      for (String suffix : SUFFIXES) {
        Path file = base.resolveSibling(base.getFileName() + suffix);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (FileAlreadyExistsException e) {
          // An existing database: restrict() takes care of it.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create hookc's data directory " + base.getParent(), e);
    }
  }

  /** Makes every file of the store's database owner-only. */
  static void restrict(String url) {
    Path base = base(url);
    if (base == null || !posix() || !Files.isDirectory(base.getParent())) {
      return;
    }
    String prefix = base.getFileName() + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(base.getParent(), prefix + "*")) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          Files.setPosixFilePermissions(file, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the files of " + base, e);
    }
  }

  /** The path the database's file names start with, or null for a URL that is not a local file. */
  private static Path base(String url) {
    if (!url.startsWith(FILE_URL)) {
      return null;
    }
    int settings = url.indexOf(';');
    String path = url.substring(FILE_URL.length(), settings < 0 ? url.length() : settings);
    // H2 expands ~ to the user's home itself; leave such paths, and other prefixes, to it.
    if (path.isEmpty() || path.startsWith("~") || (path.contains(":") && !isWindowsDrive(path))) {
      return null;
    }
    Path base = Path.of(path).toAbsolutePath();
    return base.getParent() == null ? null : base;
  }

  private static boolean isWindowsDrive(String path) {
    return path.length() > 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0));
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
