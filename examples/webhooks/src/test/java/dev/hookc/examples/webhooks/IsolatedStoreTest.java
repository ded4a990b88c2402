package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.Signers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A delivery id is new to every test class and every run, because each application the extension
 * starts has a store of its own: {@link IsolatedStoreAgainTest} sends the very same delivery.
 */
@Timeout(30)
class IsolatedStoreTest {
  /** Fixed, so that a store left by another class or an earlier run would answer it as a retry. */
  static final String DELIVERY_ID = "msg_isolation";

  static final String SECRET = Signers.newStandardWebhooksSecret();

  @RegisterExtension static final HookcExtension hookc = Deliveries.application(SECRET);

  @Test
  void processesADeliveryIdThatAnotherClassAndAnEarlierRunAlsoSent() {
    HookcResponse first = Deliveries.sendOrder(hookc, SECRET, DELIVERY_ID);
    HookcResponse retry = Deliveries.sendOrder(hookc, SECRET, DELIVERY_ID);

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).as("%s", first).isNull();
    // Within the class the store is shared: the same id is now a retry.
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void keepsTheStoreInATemporaryDirectoryOfItsOwn() {
    Path data = hookc.dataDirectory();

    assertThat(data).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(data.getFileName().toString()).startsWith("hookc-test-");
    assertThat(data).isDirectoryContaining(p -> p.getFileName().toString().startsWith("hookc"));
  }
}
