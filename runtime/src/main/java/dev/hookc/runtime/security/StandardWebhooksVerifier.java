package dev.hookc.runtime.security;

import dev.hookc.runtime.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, or Svix's {@code svix-*} names): HMAC-SHA256 over {@code
 * <id>.<timestamp>.<body>}, base64, each signature prefixed {@code v1,}, with a symmetric replay
 * window around now.
 */
final class StandardWebhooksVerifier implements Authenticator {
  private static final String PREFIX = "whsec_";

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  StandardWebhooksVerifier(List<String> secrets, Duration tolerance, Clock clock) {
    this.keys = secrets.stream().map(StandardWebhooksVerifier::key).toList();
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * The key in a {@code whsec_<base64>} secret; the prefix is optional, as senders' libraries
   * allow.
   */
  static byte[] key(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    byte[] key = encoded.isBlank() ? null : Macs.fromBase64(encoded);
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException(
          "a Standard Webhooks secret must be 'whsec_' followed by the base64 of the key");
    }
    return key;
  }

  @Override
  public Object authenticate(Request request) {
    String id = header(request, "id");
    String timestamp = header(request, "timestamp");
    String signatures = header(request, "signature");
    Timestamps.checkWithin(timestamp, clock, tolerance, tolerance);
    List<byte[]> candidates = new ArrayList<>();
    for (String signature : signatures.trim().split(" +")) {
      if (signature.startsWith("v1,")) {
        candidates.add(Macs.fromBase64(signature.substring(3)));
      }
    }
    if (candidates.isEmpty()) {
      throw Unauthorized.because("webhook-signature has no 'v1,' signature");
    }
    byte[] body = request.body();
    List<byte[]> expected = new ArrayList<>();
    for (byte[] key : keys) {
      expected.add(
          Macs.hmac(
              "HmacSHA256",
              key,
              Macs.utf8(id),
              Macs.utf8("."),
              Macs.utf8(timestamp),
              Macs.utf8("."),
              body));
    }
    if (!Macs.anyMatches(expected, candidates)) {
      throw Unauthorized.because("webhook-signature does not match the body and secret");
    }
    return null;
  }

  private static String header(Request request, String name) {
    String value = request.header("webhook-" + name);
    if (value == null) {
      value = request.header("svix-" + name);
    }
    if (value == null || value.isBlank()) {
      throw Unauthorized.because("missing header webhook-" + name);
    }
    return value;
  }
}
