package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries that name themselves under another header set, or try to pass for another delivery:
 * the id a delivery is known by ({@code inputs.delivery.id}, the idempotency key) is always the id
 * its signature covers, on synchronous routes and when an async inbox runs it later.
 */
@Timeout(30)
class HostileDeliveryTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  // The Standard Webhooks known-answer vector (reference/webhooks.md).
  private static final String SECRET = StandardWebhooksVerifierTest.SECRET;
  private static final String ID = StandardWebhooksVerifierTest.ID;
  private static final long TIMESTAMP = StandardWebhooksVerifierTest.TIMESTAMP;
  private static final byte[] BODY = StandardWebhooksVerifierTest.BODY;
  private static final String SIGNATURE = StandardWebhooksVerifierTest.SIGNATURE;
  private static final String[] SVIX = {
    "svix-id", ID, "svix-timestamp", Long.toString(TIMESTAMP), "svix-signature", SIGNATURE
  };
  private static final Clock AT_VECTOR =
      Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);

  @TempDir Path data;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();
  private HookcServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static Authenticator standardWebhooks() {
    return Authenticators.standardWebhooks(List.of(SECRET), Duration.ofMinutes(5), AT_VECTOR);
  }

  /** A handler that counts its runs and answers with the delivery as {@code identity} reads it. */
  private RequestHandler echo(DeliveryIdentity identity) {
    return request -> {
      runs.incrementAndGet();
      return Response.json(200, identity.read(request));
    };
  }

  private void serve(RequestHandler handler) throws Exception {
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(Route.of("POST", "/hook", handler))
            .start();
  }

  private JdbcStore store() {
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);
    return store;
  }

  private HttpResponse<String> post(byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  private static String[] plus(String[] headers, String... more) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  @Test
  void identifiesTheKnownAnswerVectorSentWithSvixHeaderNames() throws Exception {
    serve(standardWebhooks().protect(echo(DeliveryIdentity.standardWebhooks())));

    HttpResponse<String> response = post(BODY, SVIX);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode delivery = json(response);
    assertThat(delivery.path("scheme").asText()).isEqualTo("standard-webhooks");
    assertThat(delivery.path("id").asText()).isEqualTo(ID);
    assertThat(delivery.path("timestamp").asLong()).isEqualTo(TIMESTAMP);
    assertThat(delivery.path("event").isNull()).isTrue();
  }

  @Test
  void runsASvixDeliveryOnceAndReplaysItsRedeliveryOnASynchronousRoute() throws Exception {
    Idempotency idempotency =
        Idempotency.of(
            store(), "POST /hook", DeliveryIdentity.standardWebhooks()::id, Duration.ofHours(1));
    serve(
        standardWebhooks().protect(idempotency.protect(echo(DeliveryIdentity.standardWebhooks()))));

    HttpResponse<String> first = post(BODY, SVIX);
    HttpResponse<String> repeat = post(BODY, SVIX);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(runs).hasValue(1);
  }

  @Test
  void acceptsASvixDeliveryOnceOnAnAsyncRouteAndItsWorkflowSeesTheSignedId() throws Exception {
    BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
    Inbox inbox =
        Inbox.builder(store(), "POST /hook")
            .handler(
                request -> {
                  seen.add(DeliveryIdentity.standardWebhooks().read(request));
                  return Response.empty(204);
                })
            .retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), 2))
            .lease(Duration.ofMinutes(1))
            .workers(1)
            .start();
    open.add(0, inbox);
    serve(
        standardWebhooks()
            .protect(inbox.accept(202, DeliveryIdentity.standardWebhooks()::id, null)));

    HttpResponse<String> first = post(BODY, SVIX);
    HttpResponse<String> repeat = post(BODY, SVIX);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(repeat.statusCode()).isEqualTo(202);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(first.body());
    JsonNode delivery = seen.poll(10, TimeUnit.SECONDS);
    assertThat(delivery).isNotNull();
    assertThat(delivery.path("id").asText()).isEqualTo(ID);
    assertThat(delivery.path("timestamp").asLong()).isEqualTo(TIMESTAMP);
    assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).as("run once").isNull();
  }

  @Test
  void refusesAnUnsignedWebhookIdNextToASignedSvixDelivery() throws Exception {
    serve(standardWebhooks().protect(echo(DeliveryIdentity.standardWebhooks())));

    HttpResponse<String> response = post(BODY, plus(SVIX, "webhook-id", "msg_someone_else"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(runs).hasValue(0);
  }

  @Test
  void refusesHeadersTakenFromBothSets() throws Exception {
    serve(standardWebhooks().protect(echo(DeliveryIdentity.standardWebhooks())));

    HttpResponse<String> response =
        post(
            BODY,
            "webhook-id",
            ID,
            "svix-timestamp",
            Long.toString(TIMESTAMP),
            "svix-signature",
            SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).isEqualTo("missing header webhook-timestamp");
  }

  @Test
  void namesTheSvixHeadersWhenASvixDeliveryIsIncomplete() throws Exception {
    serve(standardWebhooks().protect(echo(DeliveryIdentity.standardWebhooks())));

    HttpResponse<String> response = post(BODY, "svix-id", ID, "svix-signature", SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).isEqualTo("missing header svix-timestamp");
  }

  @Test
  void givesTheStripeTimestampTheSignatureCoversWhenSeveralAreSent() throws Exception {
    String secret = "whsec_stripe";
    long signedAt = Instant.now().getEpochSecond();
    byte[] body = "{\"id\":\"evt_9\",\"type\":\"charge.refunded\"}".getBytes(UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    mac.update((signedAt + ".").getBytes(UTF_8));
    String v1 = HexFormat.of().formatHex(mac.doFinal(body));
    serve(
        Authenticators.stripe(List.of(secret), Duration.ofMinutes(5), Clock.systemUTC())
            .protect(echo(DeliveryIdentity.stripe())));

    HttpResponse<String> response =
        post(body, "Stripe-Signature", "t=12345,t=" + signedAt + ",v1=" + v1);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode delivery = json(response);
    assertThat(delivery.path("timestamp").asLong()).isEqualTo(signedAt);
    assertThat(delivery.path("id").asText()).isEqualTo("evt_9");
    assertThat(delivery.path("event").asText()).isEqualTo("charge.refunded");
  }

  @Test
  void identifiesNothingInABodyThatIsNotJsonRatherThanFailing() throws Exception {
    serve(echo(DeliveryIdentity.stripe()));

    HttpResponse<String> response = post("not json".getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("id").isNull()).isTrue();
  }

  @Test
  void answersTheBodysOwnProblemWhenAStripeEventIdCannotBeReadFromIt() throws Exception {
    serve(
        Idempotency.of(store(), "POST /hook", DeliveryIdentity.stripe()::id, Duration.ofHours(1))
            .protect(echo(DeliveryIdentity.stripe())));
    // The id is there, but the body around it is not JSON hookc reads: "no idempotency key" would
    // send the sender looking for the wrong mistake.
    for (String body :
        List.of("{\"id\":\"evt_1\",\"n\":1e99999999999}", "{\"id\":\"evt_1\",", "")) {
      HttpResponse<String> response = post(body.getBytes(UTF_8));

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response).path("type").asText())
          .as(body)
          .isEqualTo("https://hookc.dev/problems/malformed-json");
    }
    assertThat(runs).hasValue(0);
  }
}
