package dev.hookc.plugin;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the {@code generate-sources} goal did.
 *
 * @param outcome whether sources were generated, found current, or refused
 * @param diagnostics what the compiler reported, in file and line order; none when up to date
 * @param files how many sources were generated
 * @param written how many of them were written; the others were on disk already, unchanged
 * @param warnings problems besides the diagnostics that the user should see, such as a state file
 *     that could not be written
 * @param notes why the up-to-date check could not run or remember, for the debug log
 * @param regenerated how many sources were emitted again, when only the units that changed inputs
 *     reach were; -1 after a full generation
 * @param changedInputs how many input files changed, were added or removed, for a partial
 *     generation; -1 after a full generation
 * @param read how many input files were read, when the analysis cache spared the others; -1 when
 *     every file was read
 * @param inputs how many input files with content the project has
 */
record GenerationResult(
    Outcome outcome,
    List<Diagnostic> diagnostics,
    int files,
    int written,
    List<String> warnings,
    List<String> notes,
    int regenerated,
    int changedInputs,
    int read,
    int inputs) {

  /** What happened to the sources. */
  enum Outcome {
    /** The inputs are those of the last generation, whose output is still there. */
    UP_TO_DATE,
    /**
     * The compiler reported an error, or a warning under {@code failOnWarning}: nothing written.
     */
    FAILED,
    GENERATED
  }

  GenerationResult {
    diagnostics = List.copyOf(diagnostics);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  /**
   * What a user needs to know of a run that did not fail: whether sources were generated, how many
   * were written and how many were already on disk, any warnings, and the wall time, {@code
   * millis}.
   */
  String summary(long millis) {
    if (outcome == Outcome.UP_TO_DATE) {
      return "inputs unchanged since the last generation, skipped (" + millis + " ms)";
    }
    long warnings = count(Severity.WARNING);
    if (regenerated >= 0) {
      return String.format(Locale.ROOT, "%,d of %,d files regenerated", regenerated, files)
          + " ("
          + plural(changedInputs, "input")
          + " changed"
          + (read >= 0 ? String.format(Locale.ROOT, ", %,d of %,d files read", read, inputs) : "")
          + ") in "
          + millis
          + " ms ("
          + written
          + " written, "
          + (files - written)
          + " unchanged)"
          + (warnings > 0 ? ", with " + plural(warnings, "warning") : "");
    }
    return "generated "
        + plural(files, "source file")
        + " in "
        + millis
        + " ms ("
        + written
        + " written, "
        + (files - written)
        + " unchanged)"
        + (warnings > 0 ? ", with " + plural(warnings, "warning") : "");
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
