package dev.hookc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Signs as Slack does: {@code X-Slack-Request-Timestamp: <unix seconds>} and {@code
 * X-Slack-Signature: v0=<hex HMAC-SHA256 of v0:timestamp:body>}, keyed with the signing secret as
 * UTF-8.
 */
public final class SlackSigner implements Signer {
  private final byte[] key;
  private final Clock clock;

  private SlackSigner(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  static SlackSigner of(String secret) {
    return new SlackSigner(Macs.utf8(Signers.nonEmpty(secret)), Clock.systemUTC());
  }

  /** This signer with the timestamp fixed at {@code instant}, to test a replay window. */
  public SlackSigner at(Instant instant) {
    return clock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** This signer with timestamps read from {@code clock}. */
  public SlackSigner clock(Clock clock) {
    return new SlackSigner(key, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    byte[] mac = Macs.sha256(key, Macs.utf8("v0:" + timestamp + ":"), body);
    return Macs.headers(
        "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", "v0=" + Macs.hex(mac));
  }
}
