package dev.hookc.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches a project's input directories and reports which files below them changed, once the
 * changes have settled.
 *
 * <p>What changed is decided by comparing snapshots of every watched file's size and modification
 * time, so a burst of events for one save (an editor writing a temporary file and renaming it) is
 * one change, and an event that changes nothing (a file written with the same content and time) is
 * none. The platform's watch service only says when to look: it reports an event as it happens on
 * Linux and Windows, but only every few seconds where it polls (macOS), so the snapshot is also
 * compared every {@link #RESCAN} without any event. A root that does not exist yet is watched
 * through its nearest existing parent and taken in when it appears.
 *
 * <p>Hidden files and editors' backup and swap files ({@code .x}, {@code x~}, {@code x.swp}) are
 * not inputs and are ignored.
 */
final class SourceWatcher implements AutoCloseable {
  /** How often the snapshot is compared when the watch service reports nothing. */
  static final Duration RESCAN = Duration.ofSeconds(1);

  /** The files that changed in one settled burst, and when its first change was seen. */
  record Changes(Set<Path> files, long firstSeenNanos) {
    Changes {
      files = Set.copyOf(files);
    }
  }

  private record Stamp(long size, FileTime modified) {}

  private final List<Path> roots;
  private final Duration quietPeriod;
  private final WatchService service;
  private final Map<Path, WatchKey> registered = new HashMap<>();
  private Map<Path, Stamp> snapshot;

  private SourceWatcher(List<Path> roots, Duration quietPeriod) throws IOException {
    this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    this.quietPeriod = quietPeriod;
    this.service = FileSystems.getDefault().newWatchService();
  }

  /**
   * Starts watching the directories {@code roots}, with everything below them; a change is reported
   * once no further one came for {@code quietPeriod}.
   */
  static SourceWatcher watch(List<Path> roots, Duration quietPeriod) throws IOException {
    SourceWatcher watcher = new SourceWatcher(roots, quietPeriod);
    try {
      watcher.snapshot = watcher.scan();
    } catch (IOException | RuntimeException e) {
      watcher.close();
      throw e;
    }
    return watcher;
  }

  /**
   * Waits until watched files change and then stay unchanged for the quiet period, and returns them
   * (added, modified and removed); empty when {@code timeout} passed first.
   */
  Optional<Changes> await(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      WatchKey key = service.poll(Math.min(left, RESCAN.toNanos()), TimeUnit.NANOSECONDS);
      long seen = System.nanoTime();
      if (key != null) {
        drain(key);
        // Settles: a save is often several events (truncate, write, rename) some ms apart.
        while ((key = service.poll(quietPeriod.toNanos(), TimeUnit.NANOSECONDS)) != null) {
          drain(key);
        }
      }
      Map<Path, Stamp> now = scan();
      Set<Path> changed = changed(snapshot, now);
      snapshot = now;
      if (!changed.isEmpty()) {
        return Optional.of(new Changes(changed, seen));
      }
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
  }

  private static void drain(WatchKey key) {
    // The events only say that something happened; the snapshot says what.
    key.pollEvents();
    if (!key.reset()) {
      key.cancel();
    }
  }

  private static Set<Path> changed(Map<Path, Stamp> before, Map<Path, Stamp> now) {
    Set<Path> changed = new TreeSet<>();
    now.forEach(
        (file, stamp) -> {
          if (!stamp.equals(before.get(file))) {
            changed.add(file);
          }
        });
    before.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changed::add);
    return changed;
  }

  /** Every watched file's stamp; registers directories that are new since the last scan. */
  private Map<Path, Stamp> scan() throws IOException {
    Map<Path, Stamp> files = new HashMap<>();
    Set<Path> directories = new HashSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        walk(root, files, directories);
      } else {
        // Watched through the nearest parent that exists, so that its creation is seen.
        Path parent = root.getParent();
        while (parent != null && !Files.isDirectory(parent)) {
          parent = parent.getParent();
        }
        if (parent != null) {
          directories.add(parent);
        }
      }
    }
    register(directories);
    return files;
  }

  private static void walk(Path root, Map<Path, Stamp> files, Set<Path> directories)
      throws IOException {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (!dir.equals(root) && ignored(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              directories.add(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && !ignored(file)) {
                files.put(file, new Stamp(attributes.size(), attributes.lastModifiedTime()));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              // Deleted while walking: the next scan sees it gone.
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // The root went away while walking; the next scan watches its parent.
    }
  }

  private void register(Set<Path> directories) throws IOException {
    registered.entrySet().removeIf(entry -> !entry.getValue().isValid());
    for (Path directory : directories) {
      if (registered.containsKey(directory)) {
        continue;
      }
      try {
        registered.put(
            directory,
            directory.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY));
      } catch (NoSuchFileException e) {
        // Gone since the walk; the rescan notices.
      } catch (ClosedWatchServiceException e) {
        throw new UncheckedIOException(new IOException("the watcher is closed", e));
      }
    }
  }

  /** Whether a file is an editor's or the system's rather than an input. */
  static boolean ignored(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".swx")
        || name.startsWith("#");
  }
}
