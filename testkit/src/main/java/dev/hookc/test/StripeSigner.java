package dev.hookc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Signs as Stripe does: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>},
 * keyed with the whole {@code whsec_...} secret as UTF-8. Stripe's delivery id is the event's
 * {@code id} inside the body, so this signer adds no id header.
 */
public final class StripeSigner implements Signer {
  private final byte[] key;
  private final Clock clock;

  private StripeSigner(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  static StripeSigner of(String secret) {
    return new StripeSigner(Macs.utf8(Signers.nonEmpty(secret)), Clock.systemUTC());
  }

  /** This signer with {@code t} fixed at {@code instant}, to test the replay window. */
  public StripeSigner at(Instant instant) {
    return clock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** This signer with {@code t} read from {@code clock}. */
  public StripeSigner clock(Clock clock) {
    return new StripeSigner(key, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    String t = Long.toString(clock.instant().getEpochSecond());
    String v1 = Macs.hex(Macs.sha256(key, Macs.utf8(t + "."), body));
    return Macs.headers("Stripe-Signature", "t=" + t + ",v1=" + v1);
  }
}
