package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.examples.webhooks.functions.VerifySignatureArgs;
import dev.hookc.examples.webhooks.functions.VerifySignatureFunction;
import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Slack route's workflow with its Java function {@code verifySignature} replaced by a fake,
 * which records what the workflow passes it and answers as told.
 */
@Timeout(30)
class ReplacedFunctionTest {
  static final List<VerifySignatureArgs> calls = new CopyOnWriteArrayList<>();
  static volatile boolean verdict;

  @RegisterExtension
  static final HookcExtension hookc =
      Deliveries.application(dev.hookc.test.Signers.newStandardWebhooksSecret())
          .function(
              VerifySignatureFunction.class,
              (args, context) -> {
                calls.add(args);
                return verdict;
              });

  @BeforeEach
  void forget() {
    calls.clear();
  }

  @Test
  void passesTheFunctionTheTimestampAndTheBodyExactlyAsReceived() {
    verdict = true;
    String body = "{ \"event_id\" : \"Ev1\" }";

    HookcResponse response =
        hookc
            .post("/webhooks/slack")
            .json(body)
            .header("X-Slack-Request-Timestamp", "1531420618")
            .header("X-Slack-Signature", "v0=anything")
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(202);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).payload()).isEqualTo("v0:1531420618:" + body);
    assertThat(calls.get(0).signature()).isEqualTo("v0=anything");
  }

  @Test
  void refusesTheRequestWhenTheFunctionSaysNo() {
    verdict = false;

    HookcResponse response =
        hookc
            .post("/webhooks/slack")
            .json("{\"event_id\":\"Ev2\"}")
            .header("X-Slack-Request-Timestamp", "1531420618")
            .header("X-Slack-Signature", "v0=anything")
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(401);
    assertThat(calls).hasSize(1);
  }
}
