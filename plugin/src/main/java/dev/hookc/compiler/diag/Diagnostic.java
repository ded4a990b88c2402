package dev.hookc.compiler.diag;

import java.util.Objects;
import java.util.Optional;

/** One problem found in the user's project, with where it is and, when known, how to fix it. */
public record Diagnostic(
    Severity severity,
    DiagnosticCode code,
    Location location,
    String message,
    Optional<String> hint)
    implements Comparable<Diagnostic> {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * The compiler-style line: {@code file:line:col: error[HC3002]: message; hint}.
   *
   * <p>A hint that is a question ("did you mean 'x'?") follows the message after a semicolon, as
   * javac and rustc print it; other hints are put in parentheses.
   */
  public String format() {
    StringBuilder line =
        new StringBuilder()
            .append(location)
            .append(": ")
            .append(severity.label())
            .append('[')
            .append(code.id())
            .append("]: ")
            .append(message);
    hint.ifPresent(h -> line.append("; ").append(h));
    return line.toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : code.id().compareTo(other.code.id());
  }

  @Override
  public String toString() {
    return format();
  }
}
