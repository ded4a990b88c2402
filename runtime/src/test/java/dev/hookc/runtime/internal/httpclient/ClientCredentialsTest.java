package dev.hookc.runtime.internal.httpclient;

import static dev.hookc.runtime.internal.httpclient.Calls.CLIENT;
import static dev.hookc.runtime.internal.httpclient.Calls.definition;
import static dev.hookc.runtime.internal.httpclient.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.httpclient.Calls.MutableClock;
import dev.hookc.runtime.internal.httpclient.Calls.RecordingSleeper;
import dev.hookc.runtime.internal.httpclient.ProviderServer.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** OAuth 2.0 client credentials against a local token endpoint that counts what it is asked. */
@Timeout(10)
class ClientCredentialsTest {
  private static final int CALLS = 8;

  private ProviderServer provider;
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile String accepted = "";
  private volatile CountDownLatch callsStarted = new CountDownLatch(0);

  @BeforeEach
  void start() throws IOException {
    provider = new ProviderServer();
    provider.on(
        "/oauth/token",
        (exchange, received) -> {
          try {
            // Hold the answer until every call has begun, so that they all find no token.
            callsStarted.await(5, TimeUnit.SECONDS);
            Thread.sleep(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String token = "tok-" + issued.incrementAndGet();
          accepted = token;
          ProviderServer.send(
              exchange,
              Answer.json(
                  200,
                  "{\"access_token\":\""
                      + token
                      + "\",\"token_type\":\"bearer\",\"expires_in\":120}"));
        });
    provider.on(
        "/api",
        (exchange, received) ->
            ProviderServer.send(
                exchange,
                ("Bearer " + accepted).equals(received.header("Authorization"))
                    ? Answer.json(200, "{\"ok\":true}")
                    : Answer.json(401, "{\"error\":\"invalid_token\"}")));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private HttpDatasource open(String tokenUrl) {
    HttpDefinition definition =
        definition(
            provider.baseUrl(),
            Optional.of(
                new HttpDefinition.Authn.ClientCredentials(
                    Setting.literal(tokenUrl),
                    Setting.literal("client id"),
                    Setting.literal("s3cret:1"),
                    Optional.of(Setting.literal("payments:read payments:write")),
                    Optional.of(Setting.literal("https://api.example")))),
            Retry.none(),
            Duration.ofSeconds(5));
    return HttpDatasources.open(
        definition,
        JsonNodeFactory.instance.objectNode(),
        name -> null,
        CLIENT,
        clock,
        new RecordingSleeper(),
        () -> 0.5,
        System::nanoTime);
  }

  @Test
  void concurrentCallsShareOneTokenFetch() throws Exception {
    HttpDatasource datasource = open(provider.baseUrl() + "/oauth/token");
    callsStarted = new CountDownLatch(CALLS);
    ExecutorService callers = Executors.newFixedThreadPool(CALLS);
    try {
      List<Future<HttpResult>> results = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        results.add(
            callers.submit(
                () -> {
                  callsStarted.countDown();
                  return datasource.call(get("/api"));
                }));
      }
      for (Future<HttpResult> result : results) {
        assertThat(result.get(8, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(issued).hasValue(1);
    ProviderServer.Received tokenRequest = provider.to("/oauth/token").get(0);
    assertThat(tokenRequest.method()).isEqualTo("POST");
    assertThat(tokenRequest.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(tokenRequest.body())
        .isEqualTo(
            "grant_type=client_credentials&scope=payments%3Aread%20payments%3Awrite"
                + "&audience=https%3A%2F%2Fapi.example");
    assertThat(tokenRequest.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("client%20id:s3cret%3A1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fetchesANewTokenOnceTheCachedOneIsAboutToExpire() {
    HttpDatasource datasource = open(provider.baseUrl() + "/oauth/token");

    datasource.call(get("/api"));
    clock.advance(Duration.ofSeconds(89)); // expires_in 120, less a 30 s margin
    datasource.call(get("/api"));
    assertThat(issued).hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(datasource.call(get("/api")).status()).isEqualTo(200);
    assertThat(issued).hasValue(2);
  }

  @Test
  void aCallRefusedWithACachedTokenFetchesANewOneAndIsMadeOnceMore() {
    HttpDatasource datasource = open(provider.baseUrl() + "/oauth/token");
    datasource.call(get("/api"));
    accepted = "revoked"; // the provider no longer takes tok-1

    HttpResult result = datasource.call(get("/api"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(issued).hasValue(2);
    assertThat(provider.to("/api")).hasSize(3);
  }

  @Test
  void aSecond401IsTheAnswerRatherThanAnotherFetch() {
    provider.on("/api", Answer.json(401, "{\"error\":\"invalid_token\"}"));
    HttpDatasource datasource = open(provider.baseUrl() + "/oauth/token");

    assertThat(datasource.call(get("/api")).status()).isEqualTo(401);
    assertThat(issued).hasValue(2);
    assertThat(provider.to("/api")).hasSize(2);
  }

  @Test
  void aRefusedClientIsAnErrorNamingTheTokenEndpointAndNotTheSecret() {
    provider.on(
        "/oauth/token", Answer.json(401, "{\"error\":\"invalid_client\",\"echo\":\"s3cret:1\"}"));
    HttpDatasource datasource = open(provider.baseUrl() + "/oauth/token?tenant=t1");

    assertThatThrownBy(() -> datasource.call(get("/api")))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DatasourceException.Kind.ERROR_STATUS);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "provider: the token endpoint "
                          + provider.baseUrl()
                          + "/oauth/token answered 401 (invalid_client)");
              assertThat(e.response().orElseThrow().status()).isEqualTo(401);
              assertThat(e.response().orElseThrow().body().toString()).doesNotContain("s3cret");
            });
    assertThat(provider.to("/api")).isEmpty();
  }

  @Test
  void anUnreachableTokenEndpointMakesTheDatasourceUnavailable() throws IOException {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    HttpDatasource datasource = open("http://127.0.0.1:" + closed + "/token");

    assertThatThrownBy(() -> datasource.call(get("/api")))
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DatasourceException.Kind.UNAVAILABLE);
              assertThat(e.getMessage()).contains("http://127.0.0.1:" + closed + "/token");
            });
  }
}
