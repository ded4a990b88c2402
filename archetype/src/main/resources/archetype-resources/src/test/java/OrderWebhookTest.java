package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.Signers;
import dev.hookc.test.StandardWebhooksSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signed order webhook, sent over HTTP to the application started on a free port. */
class OrderWebhookTest {
  static final String SECRET = Signers.newStandardWebhooksSecret();
  static final StandardWebhooksSigner SENDER = Signers.standardWebhooks(SECRET);

  @RegisterExtension
  static final HookcExtension hookc =
      HookcExtension.of(HookcApplication::builder).config("orders.webhook_secret", SECRET);

  @Test
  void aSignedEventIsRecordedAndAcknowledged() {
    HookcResponse response =
        hookc.post("/webhooks/orders")
            .json("{\"type\":\"order.created\",\"data\":{\"id\":\"ord_1\",\"amount\":1200}}")
            .signedWith(SENDER)
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("received").asBoolean()).isTrue();
    assertThat(response.json().path("order").asText()).isEqualTo("ord_1");
    assertThat(response.json().path("events").asLong()).isEqualTo(1);
  }

  @Test
  void aRedeliveredEventIsAnsweredAgainButRecordedOnce() {
    StandardWebhooksSigner retries = SENDER.deliveryId("msg_ord_2_paid");
    String paid = "{\"type\":\"order.paid\",\"data\":{\"id\":\"ord_2\"}}";

    HookcResponse first = hookc.post("/webhooks/orders").json(paid).signedWith(retries).send();
    HookcResponse again = hookc.post("/webhooks/orders").json(paid).signedWith(retries).send();
    HookcResponse next =
        hookc.post("/webhooks/orders")
            .json("{\"type\":\"order.cancelled\",\"data\":{\"id\":\"ord_2\"}}")
            .signedWith(SENDER)
            .send();

    assertThat(again.header("Idempotent-Replayed")).as("%s", again).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(next.json().path("events").asLong()).as("%s", next).isEqualTo(2);
  }

  @Test
  void anUnsignedEventIsRefused() {
    HookcResponse response =
        hookc.post("/webhooks/orders")
            .json("{\"type\":\"order.created\",\"data\":{\"id\":\"ord_3\"}}")
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(401);
  }

  @Test
  void anEventOutsideTheSchemaIsA400NamingTheField() {
    HookcResponse response =
        hookc.post("/webhooks/orders")
            .json("{\"type\":\"order.shipped\",\"data\":{\"id\":\"ord_4\"}}")
            .signedWith(SENDER)
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.body()).contains("/type");
  }
}
