package dev.hookc.runtime.internal.httpclient;

import static dev.hookc.runtime.internal.httpclient.Calls.CLIENT;
import static dev.hookc.runtime.internal.httpclient.Calls.call;
import static dev.hookc.runtime.internal.httpclient.Calls.definition;
import static dev.hookc.runtime.internal.httpclient.Calls.get;
import static dev.hookc.runtime.internal.httpclient.Calls.retry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.internal.datasource.DatasourceFailures;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import dev.hookc.runtime.internal.datasource.HttpTasks;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.httpclient.Calls.MutableClock;
import dev.hookc.runtime.internal.httpclient.Calls.RecordingSleeper;
import dev.hookc.runtime.internal.httpclient.ProviderServer.Answer;
import dev.hookc.runtime.workflow.Status;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HttpDatasourceTest {
  private static ProviderServer provider;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock();

  @BeforeAll
  static void start() throws IOException {
    provider = new ProviderServer();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  private HttpDatasource open(HttpDefinition definition) {
    return HttpDatasources.open(
        definition,
        JsonNodeFactory.instance.objectNode(),
        name -> null,
        CLIENT,
        clock,
        sleeper,
        () -> 0.5,
        System::nanoTime);
  }

  @Test
  void sendsPathValuesQueryHeadersAndBodyAsTheCallGivesThem() {
    provider.on("/v1/payments/pi_1%20a", Answer.json(200, "{\"id\":\"pi_1\",\"amount\":12.50}"));
    HttpDefinition definition =
        new HttpDefinition(
            "stripe",
            Setting.literal(provider.baseUrl() + "/"),
            Map.of(
                "Stripe-Version",
                Setting.literal("2024-06-20"),
                "X-Trace",
                Setting.literal("default")),
            Duration.ofSeconds(5),
            Optional.of(new HttpDefinition.Authn.Bearer(Setting.literal("sk_test_1"))),
            Retry.none());
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("amount", 1250);

    HttpResult result =
        open(definition)
            .call(
                call(
                    "POST",
                    "/v1/payments/{id}",
                    Map.of("id", "pi_1 a"),
                    Map.of("expand", List.of("latest_charge", "a&b=c")),
                    Map.of("x-trace", "call", "Idempotency-Key", "evt_1"),
                    body));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body().get("id").asText()).isEqualTo("pi_1");
    assertThat(result.headers()).containsKey("content-type");
    ProviderServer.Received received = provider.to("/v1/payments/pi_1%20a").get(0);
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.rawQuery()).isEqualTo("expand=latest_charge&expand=a%26b%3Dc");
    assertThat(received.header("Authorization")).isEqualTo("Bearer sk_test_1");
    assertThat(received.header("Stripe-Version")).isEqualTo("2024-06-20");
    assertThat(received.header("X-Trace")).isEqualTo("call");
    assertThat(received.headers().get("X-trace")).hasSize(1);
    assertThat(received.header("Idempotency-Key")).isEqualTo("evt_1");
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(received.header("Accept")).isEqualTo("application/json");
    assertThat(received.body()).isEqualTo("{\"amount\":1250}");
  }

  @Test
  void readsTextAsAStringAndNothingAsNull() {
    provider.on(
        "/text", new Answer(200, Map.of("Content-Type", "text/plain; charset=utf-8"), "ok é"));
    provider.on("/empty", new Answer(204, Map.of(), ""));
    HttpDatasource datasource = open(definition(provider.baseUrl(), Retry.none()));

    assertThat(datasource.call(get("/text")).body().asText()).isEqualTo("ok é");
    assertThat(datasource.call(get("/empty")).body().isNull()).isTrue();
  }

  @Test
  void sendsBasicCredentials() {
    provider.on("/basic", Answer.json(200, "{}"));
    open(definition(
            provider.baseUrl(),
            Optional.of(
                new HttpDefinition.Authn.Basic(Setting.literal("user"), Setting.literal("pa:ss"))),
            Retry.none(),
            Duration.ofSeconds(5)))
        .call(get("/basic"));

    assertThat(provider.to("/basic").get(0).header("Authorization"))
        .isEqualTo("Basic dXNlcjpwYTpzcw==");
  }

  @Test
  void triesAgainAfterAServerErrorUntilItSucceeds() {
    provider.on(
        "/flaky",
        Answer.json(500, "{}"),
        Answer.json(502, "{}"),
        Answer.json(200, "{\"ok\":true}"));

    HttpResult result =
        open(definition(provider.baseUrl(), retry(3, 500, 502))).call(get("/flaky"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(provider.to("/flaky")).hasSize(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void returnsTheLastAnswerWhenTheAttemptsAreUsedUp() {
    provider.on("/down", Answer.json(503, "{\"error\":\"down\"}"));

    HttpResult result = open(definition(provider.baseUrl(), retry(2, 503))).call(get("/down"));

    assertThat(result.status()).isEqualTo(503);
    assertThat(provider.to("/down")).hasSize(2);
  }

  @Test
  void doesNotRepeatAPostAnsweredWithAServerErrorUnlessItCarriesAnIdempotencyKey() {
    provider.on("/charges", Answer.json(500, "{}"), Answer.json(200, "{}"));
    HttpDatasource datasource = open(definition(provider.baseUrl(), retry(3, 500, 429)));

    assertThat(
            datasource.call(call("POST", "/charges", Map.of(), Map.of(), Map.of(), null)).status())
        .isEqualTo(500);
    assertThat(provider.to("/charges")).hasSize(1);

    provider.on("/charges", Answer.json(500, "{}"), Answer.json(200, "{}"));
    assertThat(
            datasource
                .call(
                    call(
                        "POST",
                        "/charges",
                        Map.of(),
                        Map.of(),
                        Map.of("Idempotency-Key", "k1"),
                        null))
                .status())
        .isEqualTo(200);
    assertThat(provider.to("/charges")).hasSize(3);
  }

  @Test
  void repeatsAPostAnswered429BecauseTheProviderDidNotProcessIt() {
    provider.on("/refunds", Answer.json(429, "{}"), Answer.json(201, "{}"));

    HttpResult result =
        open(definition(provider.baseUrl(), retry(3, 429)))
            .call(call("POST", "/refunds", Map.of(), Map.of(), Map.of(), null));

    assertThat(result.status()).isEqualTo(201);
  }

  @Test
  void waitsWhatRetryAfterSaysInSecondsOrAsADate() {
    provider.on(
        "/limited",
        new Answer(429, Map.of("Retry-After", "1"), ""),
        new Answer(
            429,
            Map.of(
                "Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    clock.instant().plusSeconds(3).atOffset(ZoneOffset.UTC))),
            ""),
        new Answer(429, Map.of("Retry-After", "3600"), ""),
        Answer.json(200, "{}"));
    Retry retry =
        new Retry(
            4,
            java.util.Set.of(429),
            false,
            Retry.Backoff.CONSTANT,
            Duration.ofMillis(100),
            Duration.ofSeconds(4));

    HttpResult result =
        open(definition(provider.baseUrl(), Optional.empty(), retry, Duration.ofSeconds(30)))
            .call(get("/limited"));

    assertThat(result.status()).isEqualTo(200);
    // The third wait is capped at max_interval.
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(4));
  }

  @Test
  void growsExponentialWaitsWithJitterUpToTheLongestInterval() {
    Retry retry =
        new Retry(
            5,
            java.util.Set.of(503),
            false,
            Retry.Backoff.EXPONENTIAL,
            Duration.ofSeconds(1),
            Duration.ofSeconds(3));
    RetryPolicy policy = new RetryPolicy(retry, () -> 0.5, clock);

    assertThat(
            List.of(
                policy.wait(1, Optional.empty()),
                policy.wait(2, Optional.empty()),
                policy.wait(3, Optional.empty())))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void anHttpTaskGivesTheStatusAndBodyOfA2xx() {
    provider.on("/v1/intents/pi_2", Answer.json(200, "{\"status\":\"succeeded\"}"));

    Status status =
        HttpTasks.call(
            open(definition(provider.baseUrl(), Retry.none())),
            call("GET", "/v1/intents/{id}", Map.of("id", "pi_2"), Map.of(), Map.of(), null));

    assertThat(status.success()).isTrue();
    assertThat(status.code()).isEqualTo(200);
    assertThat(status.data().get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void anHttpTaskThrowsAnErrorAnswerThatTheOnErrorReadsAsItsStatus() {
    provider.on(
        "/v1/intents/missing", Answer.json(404, "{\"error\":{\"code\":\"resource_missing\"}}"));

    assertThatThrownBy(
            () ->
                HttpTasks.call(
                    open(definition(provider.baseUrl(), Retry.none())),
                    call(
                        "GET",
                        "/v1/intents/{id}",
                        Map.of("id", "missing"),
                        Map.of(),
                        Map.of(),
                        null)))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DatasourceException.Kind.ERROR_STATUS);
              Status status = DatasourceFailures.status(e);
              assertThat(status.code()).isEqualTo(404);
              assertThat(status.data().get("operation").asText()).isEqualTo("GET /v1/intents/{id}");
              assertThat(status.data().at("/body/error/code").asText())
                  .isEqualTo("resource_missing");
            });
  }

  @Test
  void anHttpTaskWhosePathValueCannotBeOneSegmentIsTheSendersMistakeNotAServerError() {
    assertThatThrownBy(
            () ->
                HttpTasks.call(
                    open(definition(provider.baseUrl(), Retry.none())),
                    call("GET", "/v1/intents/{id}", Map.of("id", ".."), Map.of(), Map.of(), null)))
        .isInstanceOfSatisfying(
            dev.hookc.runtime.HttpProblem.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void reportsEverySettingThatIsMissingOrWrongWithoutItsValue() {
    HttpDefinition definition =
        new HttpDefinition(
            "stripe",
            new Setting("<% config.stripe.base_url %>", (config, env) -> null),
            Map.of("X-Key", new Setting("<% env.KEY %>", (config, env) -> "s3cr3t\r\nX-Evil: 1")),
            Duration.ofSeconds(5),
            Optional.of(
                new HttpDefinition.Authn.ClientCredentials(
                    Setting.literal("ftp://user:hunter2@auth.example/token"),
                    Setting.literal("id"),
                    new Setting("<% env.SECRET %>", (config, env) -> env.apply("SECRET")),
                    Optional.empty(),
                    Optional.empty())),
            Retry.none());

    List<String> problems =
        HttpDatasources.problems(definition, JsonNodeFactory.instance.objectNode(), name -> null);

    assertThat(problems)
        .containsExactly(
            "the http datasource stripe: base_url (<% config.stripe.base_url %>) is not set",
            "the http datasource stripe: the value of the header X-Key holds a line break or a control character",
            "the http datasource stripe: authn.token_url (a literal) is not an absolute http or https URL",
            "the http datasource stripe: authn.client_secret (<% env.SECRET %>) is not set");
    assertThat(String.join("", problems)).doesNotContain("hunter2").doesNotContain("s3cr3t");
  }
}
