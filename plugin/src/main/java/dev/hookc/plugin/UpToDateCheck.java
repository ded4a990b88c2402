package dev.hookc.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the fingerprint of the last successful generation in a state file, so that an unchanged
 * project skips generation, together with the input files' hashes (see {@link FileHashes}) so that
 * the next check reads only files that look changed.
 *
 * <p>The state is removed before generating and written only after the sources are on disk: a
 * failed or interrupted run can never leave a state that claims its output is current.
 */
final class UpToDateCheck {

  private final Path stateFile;

  UpToDateCheck(Path stateFile) {
    this.stateFile = stateFile;
  }

  /**
   * Whether the last successful generation had {@code fingerprint} and its output directory still
   * exists.
   */
  boolean isUpToDate(String fingerprint, Path outputDirectory) {
    if (!Files.isDirectory(outputDirectory)) {
      return false;
    }
    List<String> lines = lines();
    return !lines.isEmpty() && lines.get(0).strip().equals(fingerprint);
  }

  /** The file hashes the last successful generation remembered; none when there is no state. */
  FileHashes rememberedHashes() {
    List<String> lines = lines();
    return FileHashes.remembered(lines.isEmpty() ? lines : lines.subList(1, lines.size()));
  }

  /** Forgets the last generation; call before writing any output. */
  void invalidate() throws IOException {
    Files.deleteIfExists(stateFile);
  }

  /** Records that the output now matches {@code fingerprint}, taken with {@code hashes}. */
  void record(String fingerprint, FileHashes hashes) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(fingerprint);
    lines.addAll(hashes.lines());
    Files.createDirectories(stateFile.getParent());
    // Written aside and moved, so that a reader never sees half a state.
    Path partial = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
    Files.write(partial, lines, StandardCharsets.UTF_8);
    Files.move(
        partial,
        stateFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private List<String> lines() {
    if (!Files.isRegularFile(stateFile)) {
      return List.of();
    }
    try {
      return Files.readAllLines(stateFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // An unreadable state only costs one generation.
      return List.of();
    }
  }
}
