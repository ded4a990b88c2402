package dev.hookc.compiler.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The collector every stage reports to. Checkers report and carry on, so that a user sees every
 * mistake in one build; the build fails afterwards if any error was reported.
 *
 * <p>Thread-safe, because files may be read concurrently.
 */
public final class Diagnostics {
  private final List<Diagnostic> reported = Collections.synchronizedList(new ArrayList<>());

  /** Reports a problem with the code's default severity. */
  public void report(DiagnosticCode code, Location location, String message) {
    add(new Diagnostic(code.defaultSeverity(), code, location, message, Optional.empty()));
  }

  /** Reports a problem with a hint such as {@code did you mean 'status'?}. */
  public void report(DiagnosticCode code, Location location, String message, String hint) {
    add(new Diagnostic(code.defaultSeverity(), code, location, message, Optional.ofNullable(hint)));
  }

  /** Adds a fully built diagnostic. */
  public void add(Diagnostic diagnostic) {
    reported.add(diagnostic);
  }

  /** Adds everything {@code other} collected, in the order it was reported. */
  public void addAll(Diagnostics other) {
    List<Diagnostic> copy;
    synchronized (other.reported) {
      copy = new ArrayList<>(other.reported);
    }
    reported.addAll(copy);
  }

  /** Whether any error was reported; when so, nothing may be generated. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** How many diagnostics of a severity were reported. */
  public long count(Severity severity) {
    synchronized (reported) {
      return reported.stream().filter(d -> d.severity() == severity).count();
    }
  }

  /** Everything reported, in file, line and column order. */
  public List<Diagnostic> sorted() {
    synchronized (reported) {
      List<Diagnostic> copy = new ArrayList<>(reported);
      Collections.sort(copy);
      return List.copyOf(copy);
    }
  }
}
