package dev.hookc.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers the fingerprint of the last successful generation in a state file, so that an unchanged
 * project skips generation.
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
    if (!Files.isDirectory(outputDirectory) || !Files.isRegularFile(stateFile)) {
      return false;
    }
    try {
      return Files.readString(stateFile, StandardCharsets.UTF_8).strip().equals(fingerprint);
    } catch (IOException e) {
      // An unreadable state only costs one generation.
      return false;
    }
  }

  /** Forgets the last generation; call before writing any output. */
  void invalidate() throws IOException {
    Files.deleteIfExists(stateFile);
  }

  /** Records that the output now matches {@code fingerprint}. */
  void record(String fingerprint) throws IOException {
    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, fingerprint + "\n", StandardCharsets.UTF_8);
  }
}
