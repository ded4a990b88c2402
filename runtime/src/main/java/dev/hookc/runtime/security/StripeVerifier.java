package dev.hookc.runtime.security;

import dev.hookc.runtime.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies {@code Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>...]}: HMAC-SHA256, keyed with the
 * {@code whsec_...} secret's own UTF-8 bytes, over {@code <t>.<body>}. As in Stripe's libraries,
 * only timestamps older than the tolerance are rejected.
 */
final class StripeVerifier implements Authenticator {
  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  StripeVerifier(List<String> secrets, Duration tolerance, Clock clock) {
    this.keys = secrets.stream().map(Macs::utf8).toList();
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * The {@code t=} of a {@code Stripe-Signature} header, the last when there are several, as in
   * Stripe's libraries; null when there is none. The MAC is checked over this one.
   */
  static String timestamp(String header) {
    String timestamp = null;
    for (String item : header == null ? new String[0] : header.split(",", -1)) {
      int eq = item.indexOf('=');
      if (eq >= 0 && item.substring(0, eq).trim().equals("t")) {
        timestamp = item.substring(eq + 1).trim();
      }
    }
    return timestamp;
  }

  @Override
  public Object authenticate(Request request) {
    String header = request.header("stripe-signature");
    if (header == null || header.isBlank()) {
      throw Unauthorized.because("missing header Stripe-Signature");
    }
    String timestamp = timestamp(header);
    List<byte[]> candidates = new ArrayList<>();
    for (String item : header.split(",", -1)) {
      int eq = item.indexOf('=');
      if (eq >= 0 && item.substring(0, eq).trim().equals("v1")) {
        candidates.add(Macs.fromHex(item.substring(eq + 1).trim()));
      }
    }
    if (timestamp == null) {
      throw Unauthorized.because("Stripe-Signature has no timestamp 't='");
    }
    if (candidates.isEmpty()) {
      throw Unauthorized.because("Stripe-Signature has no 'v1=' signature");
    }
    Timestamps.checkWithin(timestamp, clock, tolerance, null);
    byte[] body = request.body();
    List<byte[]> expected = new ArrayList<>();
    for (byte[] key : keys) {
      expected.add(Macs.hmac("HmacSHA256", key, Macs.utf8(timestamp), Macs.utf8("."), body));
    }
    if (!Macs.anyMatches(expected, candidates)) {
      throw Unauthorized.because("Stripe-Signature does not match the body and secret");
    }
    return null;
  }
}
