package dev.hookc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Signs as Shopify does: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>}, with the
 * event's id in {@code X-Shopify-Event-Id} (new for each signature unless {@link #deliveryId} fixes
 * it), its topic in {@code X-Shopify-Topic} and the time in {@code X-Shopify-Triggered-At}, none of
 * which Shopify signs.
 */
public final class ShopifySigner implements Signer {
  private final byte[] key;
  private final String deliveryId;
  private final String topic;
  private final Clock clock;

  private ShopifySigner(byte[] key, String deliveryId, String topic, Clock clock) {
    this.key = key;
    this.deliveryId = deliveryId;
    this.topic = topic;
    this.clock = clock;
  }

  static ShopifySigner of(String secret) {
    return new ShopifySigner(
        Macs.utf8(Signers.nonEmpty(secret)), null, "orders/create", Clock.systemUTC());
  }

  /** This signer with every delivery identified as {@code id}, as a retry is. */
  public ShopifySigner deliveryId(String id) {
    return new ShopifySigner(key, Objects.requireNonNull(id, "id"), topic, clock);
  }

  /** This signer with {@code X-Shopify-Topic: topic}; {@code orders/create} unless set. */
  public ShopifySigner topic(String topic) {
    return new ShopifySigner(key, deliveryId, Objects.requireNonNull(topic, "topic"), clock);
  }

  /** This signer with {@code X-Shopify-Triggered-At} fixed at {@code instant}. */
  public ShopifySigner at(Instant instant) {
    return new ShopifySigner(key, deliveryId, topic, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    return Macs.headers(
        "X-Shopify-Hmac-Sha256",
        Macs.base64(Macs.sha256(key, body)),
        "X-Shopify-Event-Id",
        deliveryId == null ? Macs.newId() : deliveryId,
        "X-Shopify-Topic",
        topic,
        "X-Shopify-Triggered-At",
        clock.instant().toString());
  }
}
