package dev.hookc.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of each input file's content, remembered with the file's size and modification time
 * so that an unchanged file is not read again: reading and hashing every input was most of the
 * up-to-date check's time on large projects.
 *
 * <p>A remembered hash is used only when size and modification time are both unchanged, and only
 * for a file last modified well before it was hashed. A file written in the same clock tick as, or
 * just before, the hashing could be changed again without its time moving (file systems keep times
 * at a coarse granularity), so such a file is hashed again on the next build, as git treats "racily
 * clean" files. A touched file is hashed again, and its content decides: {@code touch} alone does
 * not regenerate.
 */
final class FileHashes {
  /** How close to the hashing a modification time must be for the hash not to be trusted. */
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Map<String, Entry> previous;
  private final long previousHashedAt;
  private final Map<String, Entry> current = new HashMap<>();
  private final long hashedAt;

  private record Entry(long size, long modified, String hash) {}

  private FileHashes(Map<String, Entry> previous, long previousHashedAt, long hashedAt) {
    this.previous = previous;
    this.previousHashedAt = previousHashedAt;
    this.hashedAt = hashedAt;
  }

  /** Hashes with nothing remembered: every file is read. */
  static FileHashes none() {
    return new FileHashes(Map.of(), Long.MIN_VALUE, now());
  }

  /**
   * Hashes that reuse what {@link #lines()} wrote for an earlier build; lines it cannot read are
   * ignored, which only costs reading those files again.
   */
  static FileHashes remembered(List<String> lines) {
    Map<String, Entry> previous = new HashMap<>();
    long previousHashedAt = Long.MIN_VALUE;
    for (String line : lines) {
      String[] parts = line.split(" ", 4);
      try {
        if (parts.length == 2 && parts[0].equals("hashed")) {
          previousHashedAt = Long.parseLong(parts[1]);
        } else if (parts.length == 4 && parts[2].length() == 64) {
          previous.put(
              parts[3], new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
        }
      } catch (NumberFormatException e) {
        // Not a line this class wrote: skip it.
      }
    }
    return new FileHashes(previous, previousHashedAt, now());
  }

  /** The hex SHA-256 of {@code file}'s content, whose attributes are {@code attributes}. */
  String hash(Path file, BasicFileAttributes attributes) throws IOException {
    String key = file.toAbsolutePath().toString();
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    Entry known = previous.get(key);
    String hash;
    if (known != null
        && known.size() == size
        && known.modified() == modified
        && modified < previousHashedAt - RACY_NANOS) {
      hash = known.hash();
    } else {
      hash = sha256(Files.readAllBytes(file));
    }
    current.put(key, new Entry(size, modified, hash));
    return hash;
  }

  /** The lines that {@link #remembered} reads back. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("hashed " + hashedAt);
    new TreeMap<>(current)
        .forEach(
            (path, e) -> lines.add(e.size() + " " + e.modified() + " " + e.hash() + " " + path));
    return lines;
  }

  /** Now, on the clock that file modification times use. */
  private static long now() {
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
