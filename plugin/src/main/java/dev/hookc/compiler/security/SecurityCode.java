package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes for authentication, idempotency and {@code http.yaml} ({@code HC26xx}). */
public enum SecurityCode implements DiagnosticCode {
  // HC2014 is read with the event, but by this package's AuthnReader.
  AUTHN_BAD_SHAPE("HC2014", "'authn' has the wrong shape"),
  AUTHN_UNKNOWN_SCHEME("HC2601", "'authn' names a scheme hookc does not know"),
  AUTHN_MISSING_SECRET("HC2602", "an 'authn' scheme has no 'secret' or 'secrets'"),
  BAD_DURATION("HC2603", "a duration ('tolerance', 'ttl', 'backoff') is not a number with a unit"),
  AUTHN_BAD_SECRET("HC2604", "a secret is neither a literal, '<% config.x %>' nor '<% env.X %>'"),
  AUTHN_LITERAL_SECRET(
      "HC2605", "a secret is written in the YAML rather than read from config", Severity.WARNING),
  AUTHN_BAD_OPTION("HC2606", "an 'authn' scheme has an unknown, missing or malformed setting"),
  AUTHN_NO_DEFAULT("HC2607", "'authn: true' but src/eventsources/http.yaml sets no 'authn'"),
  IDEMPOTENCY_BAD_KEY("HC2608", "an idempotency key is not a path into inputs"),
  IDEMPOTENCY_BAD_SHAPE("HC2609", "'idempotency' has an unknown or missing setting"),
  HTTP_SOURCE_BAD_SHAPE("HC2610", "a setting in src/eventsources/http.yaml has the wrong shape"),
  DELIVERY_BAD("HC2611", "'delivery' is neither 'sync' nor 'async'"),
  RETRY_BAD_SHAPE(
      "HC2612", "'retry' has an unknown or malformed setting, or the event is not async"),
  JWKS_BAD(
      "HC2613",
      "a JWT 'jwks_url' is not https (http only to a loopback address), or 'jwks_ttl' is under 1m"),
  JWT_BAD_ALGORITHM(
      "HC2614", "a JWT 'algorithms' entry is unknown, 'none', or does not fit the scheme's key");

  private final Spec spec;

  SecurityCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  SecurityCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
