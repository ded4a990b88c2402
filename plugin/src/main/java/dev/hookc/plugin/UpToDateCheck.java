package dev.hookc.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the last successful generation in a state file, so that an unchanged project skips
 * generation: its content fingerprint, its stamp (see {@link InputFingerprint}) and the input
 * files' hashes (see {@link FileHashes}).
 *
 * <p>The check is quickest when the stamp matches and no input was modified close to the last
 * hashing: then only the file's first lines are read. Otherwise the fingerprint decides, reading
 * only input files whose size or time changed.
 *
 * <p>The state is removed before generating and written only after the sources are on disk: a
 * failed or interrupted run can never leave a state that claims its output is current.
 */
final class UpToDateCheck {
  private static final String STAMP = "stamp ";
  private static final String HASHED = "hashed ";

  private final Path stateFile;

  UpToDateCheck(Path stateFile) {
    this.stateFile = stateFile;
  }

  /**
   * Whether the inputs have the stamp recorded by the last successful generation, none was modified
   * too close to its hashing for the stamp to tell, and the output directory exists.
   */
  boolean isUnchanged(InputFingerprint inputs, Path outputDirectory) {
    if (!Files.isDirectory(outputDirectory)) {
      return false;
    }
    List<String> head = head(3);
    if (head.size() < 3 || !head.get(1).startsWith(STAMP) || !head.get(2).startsWith(HASHED)) {
      return false;
    }
    try {
      long hashedAt = Long.parseLong(head.get(2).substring(HASHED.length()));
      return head.get(1).substring(STAMP.length()).equals(inputs.stamp())
          && !inputs.modifiedSince(hashedAt - FileHashes.RACY_NANOS);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Whether the last successful generation had {@code fingerprint} and its output directory still
   * exists.
   */
  boolean isUpToDate(String fingerprint, Path outputDirectory) {
    List<String> head = head(1);
    return Files.isDirectory(outputDirectory)
        && !head.isEmpty()
        && head.get(0).strip().equals(fingerprint);
  }

  /** The file hashes the last successful generation remembered; none when there is no state. */
  FileHashes rememberedHashes() {
    List<String> lines = head(Integer.MAX_VALUE);
    return FileHashes.remembered(lines.size() < 2 ? List.of() : lines.subList(2, lines.size()));
  }

  /** Forgets the last generation; call before writing any output. */
  void invalidate() throws IOException {
    Files.deleteIfExists(stateFile);
  }

  /**
   * Records that the output now matches {@code fingerprint} and {@code stamp}, taken with {@code
   * hashes}.
   */
  void record(String fingerprint, String stamp, FileHashes hashes) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(fingerprint);
    lines.add(STAMP + stamp);
    lines.addAll(hashes.lines());
    Files.createDirectories(stateFile.getParent());
    // Written aside and moved, so that a reader never sees half a state.
    Path partial = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
    Files.write(partial, lines, StandardCharsets.UTF_8);
    Files.move(
        partial, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Up to {@code count} first lines of the state; none when it is missing or unreadable. */
  private List<String> head(int count) {
    List<String> lines = new ArrayList<>();
    if (!Files.isRegularFile(stateFile)) {
      return lines;
    }
    try (BufferedReader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
      String line;
      while (lines.size() < count && (line = reader.readLine()) != null) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      // An unreadable state only costs one generation.
      return List.of();
    }
  }
}
