package dev.hookc.compiler.delivery;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes for delivery guarantees ({@code HC80xx}). */
public enum DeliveryCode implements DiagnosticCode {
  TTL_SHORTER_THAN_SENDER_RETRIES(
      "HC8001", "an idempotency 'ttl' is shorter than the sender's retry window"),
  TTL_LONGER_THAN_INBOX_KEEPS(
      "HC8002", "an async route's 'ttl' asks for more than its inbox keeps a delivery's key"),
  EFFECT_WITHOUT_DELIVERY_KEY(
      "HC8003",
      "a task with an effect on an at-least-once route receives nothing of the delivery's key");

  private final Spec spec;

  DeliveryCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.WARNING);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
