package dev.hookc.runtime.internal.httpclient;

import static dev.hookc.runtime.internal.httpclient.Calls.CLIENT;
import static dev.hookc.runtime.internal.httpclient.Calls.call;
import static dev.hookc.runtime.internal.httpclient.Calls.definition;
import static dev.hookc.runtime.internal.httpclient.Calls.get;
import static dev.hookc.runtime.internal.httpclient.Calls.retry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.httpclient.Calls.MutableClock;
import dev.hookc.runtime.internal.httpclient.Calls.RecordingSleeper;
import dev.hookc.runtime.internal.httpclient.ProviderServer.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A provider, or whatever answers at its address, that misbehaves: values that try to leave their
 * path segment or add headers, answers that never come or never end, bodies too large or not JSON,
 * waits past the deadline, connections refused or reset.
 */
@Timeout(10)
class HostileHttpDatasourceTest {
  /** How late past its deadline a call may end. */
  private static final Duration SLACK = Duration.ofMillis(700);

  private static ProviderServer provider;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void start() throws IOException {
    provider = new ProviderServer();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  private HttpDatasource open(HttpDefinition definition, Sleeper sleeper) {
    return HttpDatasources.open(
        definition,
        JsonNodeFactory.instance.objectNode(),
        name -> null,
        CLIENT,
        new MutableClock(),
        sleeper,
        () -> 0.5,
        System::nanoTime);
  }

  private HttpDatasource open(String baseUrl, Retry retry, Duration timeout) {
    return open(definition(baseUrl, Optional.empty(), retry, timeout), sleeper);
  }

  private static HttpCall item(String id) {
    return call("GET", "/v1/items/{id}/refund", Map.of("id", id), Map.of(), Map.of(), null);
  }

  @Test
  void aPathValueStaysOneSegmentWhateverItHolds() {
    provider.on("/v1/items/..%2F..%2Fadmin%3Fx%3D1%23f/refund", Answer.json(200, "{}"));
    provider.on("/v1/items/a%2Fb/refund", Answer.json(200, "{}"));
    provider.on("/v1/items/%252e%252e/refund", Answer.json(200, "{}"));
    HttpDatasource datasource = open(provider.baseUrl(), Retry.none(), Duration.ofSeconds(5));

    assertThat(datasource.call(item("../../admin?x=1#f")).status()).isEqualTo(200);
    assertThat(datasource.call(item("a/b")).status()).isEqualTo(200);
    assertThat(datasource.call(item("%2e%2e")).status()).isEqualTo(200);
    int sent = provider.received.size();
    for (String notASegment : List.of("..", ".", "")) {
      assertThatThrownBy(() -> datasource.call(item(notASegment)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot be one segment");
    }
    assertThat(provider.received).hasSize(sent);
  }

  @Test
  void aMissingOrAnExtraPathValueIsRefused() {
    HttpDatasource datasource = open(provider.baseUrl(), Retry.none(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> datasource.call(get("/v1/items/{id}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for {id} of the path /v1/items/{id}");
    assertThatThrownBy(
            () ->
                datasource.call(
                    call("GET", "/v1/items", Map.of("id", "1"), Map.of(), Map.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the path /v1/items has no {id}");
  }

  @Test
  void aHeaderValueCannotAddHeaders() {
    provider.on("/headers", Answer.json(200, "{}"));
    HttpDatasource datasource = open(provider.baseUrl(), Retry.none(), Duration.ofSeconds(5));

    for (String value : List.of("k\r\nX-Admin: 1", "k\nX-Admin: 1", "k\rX-Admin: 1", "k\0")) {
      assertThatThrownBy(
              () ->
                  datasource.call(
                      call(
                          "GET",
                          "/headers",
                          Map.of(),
                          Map.of(),
                          Map.of("Idempotency-Key", value),
                          null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the value of the header Idempotency-Key holds a line break or a control character");
    }
    assertThat(provider.to("/headers")).isEmpty();
  }

  @Test
  void aRetryAfterBeyondTheDeadlineEndsTheCallAtOnceWithTheAnswer() {
    provider.on("/busy", new Answer(429, Map.of("Retry-After", "10"), ""), Answer.json(200, "{}"));

    HttpResult result =
        open(provider.baseUrl(), retry(3, 429), Duration.ofSeconds(2)).call(get("/busy"));

    assertThat(result.status()).isEqualTo(429);
    assertThat(sleeper.waits).isEmpty();
    assertThat(provider.to("/busy")).hasSize(1);
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheDeadline() throws IOException {
    try (RawServer stalled = new RawServer(socket -> RawServer.readRequest(socket))) {
      HttpDatasource datasource =
          open(
              definition(stalled.baseUrl(), Optional.empty(), retry(3), Duration.ofSeconds(1)),
              Sleeper.REAL);

      long started = System.nanoTime();
      assertThatThrownBy(() -> datasource.call(get("/slow")))
          .isInstanceOfSatisfying(
              DatasourceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(1).plus(SLACK));
    }
  }

  @Test
  void aBodyThatNeverEndsTimesOutAtTheDeadline() throws IOException {
    try (RawServer trickling =
        new RawServer(
            socket -> {
              RawServer.readRequest(socket);
              OutputStream out = socket.getOutputStream();
              String head =
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
              out.write((head + "{\"a\":").getBytes(StandardCharsets.US_ASCII));
              out.flush();
            })) {
      HttpDatasource datasource =
          open(
              definition(
                  trickling.baseUrl(), Optional.empty(), Retry.none(), Duration.ofSeconds(1)),
              Sleeper.REAL);

      long started = System.nanoTime();
      assertThatThrownBy(() -> datasource.call(get("/trickle")))
          .isInstanceOfSatisfying(
              DatasourceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(1).plus(SLACK));
    }
  }

  @Test
  void aRefusedConnectionIsTriedAgainThenUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                open("http://127.0.0.1:" + closed, retry(3), Duration.ofSeconds(5))
                    .call(call("POST", "/charges", Map.of(), Map.of(), Map.of(), null)))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
              assertThat(e.operation()).isEqualTo("POST /charges");
            });
    // Nothing was sent, so even a POST is tried again.
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void aPostWhoseConnectionBrokeAfterSendingIsNotRepeatedWithoutAnIdempotencyKey()
      throws IOException {
    try (RawServer resetting =
        new RawServer(
            socket -> {
              RawServer.readRequest(socket);
              socket.setSoLinger(true, 0); // a reset, not a clean close
              socket.close();
            })) {
      HttpDatasource datasource = open(resetting.baseUrl(), retry(3), Duration.ofSeconds(5));

      assertThatThrownBy(
              () -> datasource.call(call("POST", "/charges", Map.of(), Map.of(), Map.of(), null)))
          .isInstanceOfSatisfying(
              DatasourceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
      assertThat(resetting.connections).hasValue(1);

      assertThatThrownBy(
              () ->
                  datasource.call(
                      call(
                          "POST",
                          "/charges",
                          Map.of(),
                          Map.of(),
                          Map.of("Idempotency-Key", "evt_1"),
                          null)))
          .isInstanceOf(DatasourceException.class);
      assertThat(resetting.connections).hasValue(4);
    }
  }

  @Test
  void aBodyLargerThanTheCapFailsTheCall() {
    provider.on(
        "/huge",
        (exchange, received) -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0); // chunked: no length announced
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) ' ');
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 20 * 16; i++) { // 20 MiB
              out.write(chunk);
            }
          } catch (IOException e) {
            // the client stopped reading
          }
        });

    assertThatThrownBy(
            () -> open(provider.baseUrl(), Retry.none(), Duration.ofSeconds(5)).call(get("/huge")))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.OTHER);
              assertThat(e.getMessage()).contains("larger than 10485760 bytes");
            });
  }

  @Test
  void aJsonAnswerThatIsNotJsonIsAClearFailure() {
    provider.on("/broken", Answer.json(200, "{\"id\": \"pi_1\", "));

    assertThatThrownBy(
            () ->
                open(provider.baseUrl(), Retry.none(), Duration.ofSeconds(5)).call(get("/broken")))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.OTHER);
              assertThat(e.getMessage())
                  .startsWith(
                      "provider: GET /broken: the answer's body is application/json but not valid JSON");
            });
  }

  @Test
  void aRedirectToAnotherHostDoesNotCarryTheCredentials() throws IOException {
    try (ProviderServer elsewhere = new ProviderServer()) {
      elsewhere.on("/collect", Answer.json(200, "{}"));
      provider.on(
          "/moved",
          new Answer(
              302,
              Map.of(
                  "Location", elsewhere.baseUrl().replace("127.0.0.1", "localhost") + "/collect"),
              ""));
      HttpDefinition definition =
          new HttpDefinition(
              "provider",
              Setting.literal(provider.baseUrl()),
              Map.of(),
              Duration.ofSeconds(5),
              Optional.of(new HttpDefinition.Authn.Bearer(Setting.literal("sk_live_1"))),
              Retry.none());

      HttpResult result = open(definition, sleeper).call(get("/moved"));

      assertThat(result.status()).isEqualTo(302);
      assertThat(elsewhere.received).isEmpty();
    }
  }

  @Test
  void aClientThatFollowsRedirectsIsRefused() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(
            () ->
                HttpDatasources.open(
                    definition(provider.baseUrl(), Retry.none()),
                    JsonNodeFactory.instance.objectNode(),
                    name -> null,
                    following,
                    new MutableClock()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redirects");
  }

  @Test
  void aStatusRetryForAnIdempotentCallStopsWhenTheWaitWouldPassTheDeadline() {
    provider.on("/always-503", Answer.json(503, "{}"));
    Retry slow =
        new Retry(
            10,
            Set.of(503),
            false,
            Retry.Backoff.CONSTANT,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    long started = System.nanoTime();
    HttpResult result =
        open(
                definition(provider.baseUrl(), Optional.empty(), slow, Duration.ofMillis(2500)),
                Sleeper.REAL)
            .call(get("/always-503"));

    assertThat(result.status()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    assertThat(provider.to("/always-503").size()).isBetween(2, 3);
  }
}
