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
 *
 * <p>The three headers are read from one set, never a mix (see {@link #headerSet}), so that the id
 * a delivery is known by afterwards is the one that was signed.
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

  /**
   * The prefix of the headers a delivery is signed with: {@code webhook-} when it has any of the
   * three {@code webhook-*} headers, else {@code svix-} when it has any {@code svix-*} one, else
   * {@code webhook-}, whose headers the rejection then names.
   */
  static String headerSet(Request request) {
    for (String prefix : List.of("webhook-", "svix-")) {
      for (String name : List.of("id", "timestamp", "signature")) {
        if (request.header(prefix + name) != null) {
          return prefix;
        }
      }
    }
    return "webhook-";
  }

  @Override
  public Object authenticate(Request request) {
    String set = headerSet(request);
    String id = header(request, set + "id");
    String timestamp = header(request, set + "timestamp");
    String signatures = header(request, set + "signature");
    Timestamps.checkWithin(timestamp, clock, tolerance, tolerance);
    List<byte[]> candidates = new ArrayList<>();
    for (String signature : signatures.trim().split(" +", -1)) {
      if (signature.startsWith("v1,")) {
        candidates.add(Macs.fromBase64(signature.substring(3)));
      }
    }
    if (candidates.isEmpty()) {
      throw Unauthorized.because(set + "signature has no 'v1,' signature");
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
      throw Unauthorized.because(set + "signature does not match the body and secret");
    }
    return null;
  }

  private static String header(Request request, String name) {
    String value = request.header(name);
    if (value == null || value.isBlank()) {
      throw Unauthorized.because("missing header " + name);
    }
    return value;
  }
}
