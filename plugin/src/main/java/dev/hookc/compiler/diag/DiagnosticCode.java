package dev.hookc.compiler.diag;

/**
 * A stable diagnostic code ({@code HC} and four digits) with its one-line meaning.
 *
 * <p>Each compiler stage declares its codes as an enum implementing this interface; the first digit
 * names the stage (1 YAML, 2 events, 3 workflows, 4 expressions, 5 schemas, 6 responses, 9 hookc
 * itself). Codes never change meaning once published: users search for them.
 */
public interface DiagnosticCode {

  /** The code as printed, e.g. {@code HC3002}. */
  String id();

  /** The one-line meaning listed in {@code docs/diagnostics.md}. */
  String summary();

  /** Whether a diagnostic with this code is an error unless stated otherwise. */
  default Severity defaultSeverity() {
    return Severity.ERROR;
  }
}
