package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.Signers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same delivery as {@link IsolatedStoreTest}'s, in another class: processed all the same. */
@Timeout(30)
class IsolatedStoreAgainTest {
  static final String SECRET = Signers.newStandardWebhooksSecret();

  @RegisterExtension static final HookcExtension hookc = Deliveries.application(SECRET);

  @Test
  void processesTheDeliveryIdTheOtherClassSent() {
    HookcResponse first = Deliveries.sendOrder(hookc, SECRET, IsolatedStoreTest.DELIVERY_ID);

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).as("%s", first).isNull();
  }
}
