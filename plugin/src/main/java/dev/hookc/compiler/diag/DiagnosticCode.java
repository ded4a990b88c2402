package dev.hookc.compiler.diag;

import com.google.errorprone.annotations.Immutable;

/**
 * A stable diagnostic code ({@code HC} and four digits) with its one-line meaning.
 *
 * <p>Each compiler stage declares its codes as an enum implementing this interface; the first digit
 * names the stage (1 YAML, 2 events, 3 workflows, 4 expressions, 5 schemas, 6 responses, 9 hookc
 * itself). Codes never change meaning once published: users search for them.
 */
public interface DiagnosticCode {

  /**
   * What a code is: its id as printed ({@code HC3002}), its one-line meaning as listed in {@code
   * docs/diagnostics.md}, and the severity it is reported with.
   */
  @Immutable
  record Spec(String id, String summary, Severity severity) {}

  /** This code's id, meaning and severity. */
  Spec spec();

  /** The code as printed, e.g. {@code HC3002}. */
  default String id() {
    return spec().id();
  }

  /** The one-line meaning listed in {@code docs/diagnostics.md}. */
  default String summary() {
    return spec().summary();
  }

  /** The severity a diagnostic with this code is reported with. */
  default Severity defaultSeverity() {
    return spec().severity();
  }
}
