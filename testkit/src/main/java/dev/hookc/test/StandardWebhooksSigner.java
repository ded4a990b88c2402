package dev.hookc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs as a Standard Webhooks (or Svix) sender: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}, keyed with the
 * base64-decoded part of a {@code whsec_} secret. Each signature has a new id unless {@link
 * #deliveryId} fixes one, as a sender's retries do, and the current time unless {@link #at} fixes
 * it.
 */
public final class StandardWebhooksSigner implements Signer {
  private static final String PREFIX = "whsec_";

  private final byte[] key;
  private final Clock clock;
  private final String deliveryId;
  private final String headerPrefix;

  private StandardWebhooksSigner(byte[] key, Clock clock, String deliveryId, String headerPrefix) {
    this.key = key;
    this.clock = clock;
    this.deliveryId = deliveryId;
    this.headerPrefix = headerPrefix;
  }

  static StandardWebhooksSigner of(String secret) {
    Objects.requireNonNull(secret, "secret");
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length == 0) {
      throw new IllegalArgumentException(
          "not a Standard Webhooks secret ('whsec_' and the base64 of the key): " + secret);
    }
    return new StandardWebhooksSigner(key, Clock.systemUTC(), null, "webhook-");
  }

  /** This signer with the timestamp fixed at {@code instant}, to test a replay window. */
  public StandardWebhooksSigner at(Instant instant) {
    return clock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** This signer with timestamps read from {@code clock}. */
  public StandardWebhooksSigner clock(Clock clock) {
    return new StandardWebhooksSigner(
        key, Objects.requireNonNull(clock, "clock"), deliveryId, headerPrefix);
  }

  /** This signer with every delivery identified as {@code id}, as a sender's retries are. */
  public StandardWebhooksSigner deliveryId(String id) {
    return new StandardWebhooksSigner(key, clock, Objects.requireNonNull(id, "id"), headerPrefix);
  }

  /** This signer with Svix's header names, {@code svix-id}, {@code svix-timestamp} and so on. */
  public StandardWebhooksSigner svixHeaders() {
    return new StandardWebhooksSigner(key, clock, deliveryId, "svix-");
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    String id = deliveryId == null ? "msg_" + Macs.newId().replace("-", "") : deliveryId;
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    byte[] mac = Macs.sha256(key, Macs.utf8(id + "." + timestamp + "."), body);
    return Macs.headers(
        headerPrefix + "id",
        id,
        headerPrefix + "timestamp",
        timestamp,
        headerPrefix + "signature",
        "v1," + Macs.base64(mac));
  }
}
