package dev.hookc.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application on a fixed clock accepts a delivery signed at that time, as a vector is. */
@Timeout(30)
class HookcExtensionClockTest {
  static final Instant SIGNED_AT = Instant.ofEpochSecond(1614265330);

  @RegisterExtension
  static final HookcExtension hookc =
      HookcExtension.of(KitProject::builder)
          .config("orders.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
          .environment("KIT_GITHUB_SECRET", "unused")
          .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

  @Test
  void acceptsTheStandardWebhooksVectorAndRefusesTheSameSignedToday() {
    StandardWebhooksSigner vector =
        Signers.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .deliveryId("msg_p5jXN8AQM9LWM0D4loKWxJek");

    HookcResponse then =
        hookc
            .post("/orders")
            .json("{\"test\": 2432232314}")
            .signedWith(vector.at(SIGNED_AT))
            .send();
    HookcResponse today =
        hookc.post("/orders").json("{\"test\": 2432232314}").signedWith(vector).send();

    assertThat(then.status()).as("%s", then).isEqualTo(200);
    assertThat(today.status()).as("%s", today).isEqualTo(401);
  }
}
