package dev.hookc.runtime.internal.httpclient;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import dev.hookc.runtime.internal.datasource.Setting;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the datasource tests share: calls, definitions, a client, a clock and a sleeper. */
final class Calls {
  private Calls() {}

  /** A client made as the application's datasources' is. */
  static final HttpClient CLIENT = HttpDatasources.client();

  static HttpCall get(String path) {
    return call("GET", path, Map.of(), Map.of(), Map.of(), null);
  }

  static HttpCall call(
      String method,
      String path,
      Map<String, String> pathValues,
      Map<String, List<String>> query,
      Map<String, String> headers,
      JsonNode body) {
    return new HttpCall(
        method, path, pathValues, query, headers, Optional.ofNullable(body), Optional.empty());
  }

  static HttpDefinition definition(String baseUrl, Retry retry) {
    return definition(baseUrl, Optional.empty(), retry, Duration.ofSeconds(5));
  }

  static HttpDefinition definition(
      String baseUrl, Optional<HttpDefinition.Authn> authn, Retry retry, Duration timeout) {
    return new HttpDefinition(
        "provider", Setting.literal(baseUrl), Map.of(), timeout, authn, retry);
  }

  static Retry retry(int attempts, Integer... statuses) {
    return new Retry(
        attempts,
        Set.of(statuses),
        true,
        Retry.Backoff.CONSTANT,
        Duration.ofMillis(100),
        Duration.ofSeconds(30));
  }

  /** Records the waits it is asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  /** A clock that moves when told. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
