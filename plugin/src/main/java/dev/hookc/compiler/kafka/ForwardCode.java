package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/**
 * Diagnostic codes of the outbox ({@code HC2130}–{@code HC2139}): a {@code delivery: async} event's
 * {@code forward: {kafka: ...}}.
 */
public enum ForwardCode implements DiagnosticCode {
  MALFORMED(
      "HC2130",
      "an event's 'forward' is malformed, has an unknown key, or is on an event that is not async"),
  SOURCE("HC2131", "a 'forward' names no kafka event source, or an unknown one"),
  KEY("HC2132", "a 'forward' record key is not one value of the request"),
  RUN("HC2133", "a 'forward' says run: false with an 'fn', or run: true without one");

  private final Spec spec;

  ForwardCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
