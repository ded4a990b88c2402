package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.Signers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code freshStorePerTest()}, each test, each repetition too, starts on an empty store. */
@Timeout(30)
class FreshStorePerTestTest {
  static final String SECRET = Signers.newStandardWebhooksSecret();

  @RegisterExtension
  static final HookcExtension hookc = Deliveries.application(SECRET).freshStorePerTest();

  @RepeatedTest(2)
  void processesTheSameDeliveryIdInEveryTest() {
    HookcResponse first = Deliveries.sendOrder(hookc, SECRET, "msg_every_test");

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).as("%s", first).isNull();
  }
}
