package dev.hookc.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether the output of the last successful generation is still current, and remembers a
 * new one: the stamp first (names, sizes and times, see {@link InputFingerprint}), then, when it
 * differs, the content fingerprint, which reads only the files whose size or time changed (see
 * {@link FileHashes}); the state file itself is {@link UpToDateCheck}'s.
 *
 * <p>An input that cannot be listed or read never fails the build: the check answers "not current"
 * and generation runs, reporting the problem itself if it is one; {@link #notes()} says why.
 */
final class IncrementalGeneration {
  private final UpToDateCheck state;
  private final Path outputDirectory;
  private final InputFingerprint inputs;
  private final List<String> notes = new ArrayList<>();
  private FileHashes hashes;
  private String fingerprint;
  private Inputs fingerprinted;

  private IncrementalGeneration(GenerationRequest request, InputFingerprint inputs, String note) {
    this.state = new UpToDateCheck(request.stateFile());
    this.outputDirectory = request.compile().outputDirectory();
    this.inputs = inputs;
    if (note != null) {
      notes.add(note);
    }
  }

  /** Walks everything generation for {@code request} reads; reads no file's content yet. */
  static IncrementalGeneration scan(GenerationRequest request) {
    try {
      return new IncrementalGeneration(
          request, InputFingerprint.scan(request.compile(), request.settings()), null);
    } catch (IOException | UncheckedIOException e) {
      return new IncrementalGeneration(
          request, null, "cannot list the inputs (" + e.getMessage() + "), generating");
    }
  }

  /**
   * Whether the output is current. A project whose files were only touched is current too; {@link
   * #remember} then keeps their new times, so that the next check reads nothing.
   */
  boolean isUpToDate() {
    if (inputs == null) {
      return false;
    }
    if (state.isUnchanged(inputs, outputDirectory)) {
      return true;
    }
    hashes = state.rememberedHashes();
    try {
      fingerprint = inputs.fingerprint(hashes);
    } catch (IOException | UncheckedIOException e) {
      notes.add("cannot fingerprint the inputs (" + e.getMessage() + "), generating");
      return false;
    }
    return state.isUpToDate(fingerprint, outputDirectory);
  }

  /**
   * Forgets the last generation; call before writing any output, so that a failed or interrupted
   * run never leaves a state that claims its output is current.
   */
  void forget() throws IOException {
    state.invalidate();
  }

  /**
   * Remembers that the output now matches the inputs {@link #isUpToDate} looked at; false when the
   * state could not be written, which only costs the next build a generation.
   */
  boolean remember() {
    if (fingerprint == null) {
      // The stamp matched, so the state is current already; or the inputs could not be read, and
      // there is nothing to compare the next build with.
      return true;
    }
    try {
      state.record(fingerprint, inputs.stamp(), hashes);
      return true;
    } catch (IOException e) {
      notes.add("cannot write the state (" + e.getMessage() + ")");
      return false;
    }
  }

  /**
   * Every input file with its content hash, by project-relative path, the settings' digest and the
   * files' digest; empty when {@link #isUpToDate} could not fingerprint the inputs (or did not need
   * to).
   */
  java.util.Optional<Inputs> inputs() {
    if (fingerprint == null) {
      return java.util.Optional.empty();
    }
    if (fingerprinted == null) {
      java.util.Map<String, String> files = inputs.files();
      fingerprinted = new Inputs(inputs.settingsDigest(), files, AnalysisCache.digest(files));
    }
    return java.util.Optional.of(fingerprinted);
  }

  /**
   * The inputs {@link #isUpToDate} fingerprinted, as the output manifest records them.
   *
   * @param settings the digest of the plugin's version and parameters
   * @param files each input file's content hash, by project-relative path
   * @param digest the digest of {@code files} ({@link AnalysisCache#digest}), computed once: the
   *     manifest, the analysis cache and the OpenAPI parts each record it
   */
  record Inputs(String settings, java.util.Map<String, String> files, String digest) {}

  /** Why the check could not run, for the debug log; empty when it ran. */
  List<String> notes() {
    return List.copyOf(notes);
  }
}
