package dev.hookc.runtime.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console log of a process started as generated applications start ({@link JsonLogApp}), read
 * line by line from its standard error after requests and a SIGTERM.
 */
@Timeout(60)
class JsonLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String SECRET = "card-4111111111111111";

  @TempDir Path tmp;

  @Test
  void writesEveryLineAsJsonThatNamesTheRequestItBelongsTo() throws Exception {
    Map<String, String> env =
        Map.of("HOOKC_LOG_FORMAT", "json", "HOOKC_LOG_LEVEL", "dev.hookc.runtime.access=debug");
    List<JsonNode> lines;
    String failed;
    String malformed;
    try (Child app = Child.start(tmp, env)) {
      assertThat(app.post("/payments/p-1", "{\"card\":\"" + SECRET + "\"}").statusCode())
          .isEqualTo(200);
      HttpResponse<String> failure = app.post("/fail", "{}");
      assertThat(failure.statusCode()).isEqualTo(500);
      failed = JSON.readTree(failure.body()).get("requestId").asText();
      HttpResponse<String> bad = app.post("/payments/%C3%28", "{}");
      assertThat(bad.statusCode()).isEqualTo(400);
      malformed = JSON.readTree(bad.body()).get("requestId").asText();
      lines = app.stopAndParseEveryLine();
    }

    for (JsonNode line : lines) {
      assertThat(line.fieldNames()).toIterable().contains("time", "level", "logger", "message");
      assertThat(line.get("time").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
    JsonNode recorded = only(lines, l -> l.get("message").asText().equals("recorded payment p-1"));
    assertThat(recorded.get("level").asText()).isEqualTo("INFO");
    assertThat(recorded.get("logger").asText()).isEqualTo("hookc.functions.record");
    assertThat(recorded.get("route").asText()).isEqualTo("POST /payments/{id}");
    assertThat(recorded.get("thread").asText()).isNotEmpty();
    JsonNode access = only(lines, l -> "/payments/p-1".equals(l.path("path").asText(null)));
    assertThat(access.get("requestId").asText())
        .matches("[0-9a-f]{12}")
        .isEqualTo(recorded.get("requestId").asText());
    assertThat(access.get("logger").asText()).isEqualTo("dev.hookc.runtime.access");
    assertThat(access.get("level").asText()).isEqualTo("DEBUG");
    assertThat(access.get("method").asText()).isEqualTo("POST");
    assertThat(access.get("status").asInt()).isEqualTo(200);
    assertThat(access.get("durationMs").isNumber()).isTrue();

    JsonNode error = only(lines, l -> l.get("level").asText().equals("ERROR"));
    assertThat(error.get("requestId").asText()).isEqualTo(failed);
    assertThat(error.get("route").asText()).isEqualTo("POST /fail");
    assertThat(error.get("error").get("type").asText())
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(error.get("error").get("message").asText())
        .isEqualTo("the ledger is \"closed\"\nfor today");
    assertThat(error.get("error").get("stack").asText())
        .contains("at dev.hookc.runtime.log.JsonLogApp");
    JsonNode failedAccess = only(lines, l -> "/fail".equals(l.path("path").asText(null)));
    assertThat(failedAccess.get("requestId").asText()).isEqualTo(failed);
    assertThat(failedAccess.get("status").asInt()).isEqualTo(500);

    JsonNode malformedAccess = only(lines, l -> l.path("status").asInt() == 400);
    assertThat(malformedAccess.get("requestId").asText()).isEqualTo(malformed);
    assertThat(lines).noneMatch(line -> line.toString().contains(SECRET));
  }

  @Test
  void logsTheFirstBytesOfEachBodyOnlyWhenAskedFor() throws Exception {
    String body = "{\"card\":\"" + SECRET + "\",\"padding\":\"" + "x".repeat(10_000) + "\"}";
    List<JsonNode> lines;
    try (Child app =
        Child.start(tmp, Map.of("HOOKC_LOG_FORMAT", "json", "HOOKC_LOG_BODIES", "true"))) {
      assertThat(app.post("/payments/p-2", body).statusCode()).isEqualTo(200);
      lines = app.stopAndParseEveryLine();
    }

    JsonNode logged = only(lines, l -> l.get("logger").asText().equals(BodyLog.LOGGER));
    assertThat(logged.get("level").asText()).isEqualTo("DEBUG");
    assertThat(logged.get("bodyBytes").asInt()).isEqualTo(body.length());
    assertThat(logged.get("bodyTruncated").asBoolean()).isTrue();
    assertThat(logged.get("body").asText())
        .hasSize(BodyLog.LIMIT)
        .startsWith("{\"card\":\"" + SECRET);
    assertThat(logged.get("contentType").asText()).isEqualTo("application/json");
    JsonNode recorded = only(lines, l -> l.get("message").asText().equals("recorded payment p-2"));
    assertThat(logged.get("requestId").asText()).isEqualTo(recorded.get("requestId").asText());
    // Headers are not logged, the signature's included.
    assertThat(lines).noneMatch(line -> line.toString().contains("v1,c2lnbmF0dXJl"));
  }

  @Test
  void keepsTheTextFormatAndLogsNoBodyByDefault() throws Exception {
    String output;
    try (Child app = Child.start(tmp, Map.of())) {
      assertThat(app.post("/payments/p-3", "{\"card\":\"" + SECRET + "\"}").statusCode())
          .isEqualTo(200);
      app.stop();
      output = app.stderr();
    }

    assertThat(output.lines())
        .anyMatch(l -> l.matches("\\S+Z INFO hookc\\.functions\\.record: recorded payment p-3"))
        .allMatch(l -> !l.startsWith("{"));
    assertThat(output).doesNotContain(SECRET);
  }

  private static JsonNode only(List<JsonNode> lines, Predicate<JsonNode> which) {
    List<JsonNode> found = lines.stream().filter(which).toList();
    assertThat(found).as("lines matching in %s", lines).hasSize(1);
    return found.get(0);
  }

  /** The application in a JVM of its own, with {@code env} added to its environment. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final int port;

    private Child(Process process, Path stderr, int port) {
      this.process = process;
      this.stderr = stderr;
      this.port = port;
    }

    static Child start(Path tmp, Map<String, String> env) throws Exception {
      Path out = Files.createTempFile(tmp, "stdout", ".log");
      Path err = Files.createTempFile(tmp, "stderr", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  JsonLogApp.class.getName())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("HOOKC_LOG_"));
      builder.environment().putAll(env);
      Process process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String printed = Files.readString(out, UTF_8);
        if (printed.startsWith("port ") && printed.endsWith("\n")) {
          return new Child(process, err, Integer.parseInt(printed.substring(5).trim()));
        }
        if (!process.isAlive()) {
          throw new AssertionError("exited: " + Files.readString(err, UTF_8));
        }
        Thread.sleep(20);
      }
      process.destroyForcibly();
      throw new AssertionError("not serving after 30 s: " + Files.readString(err, UTF_8));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer v1,c2lnbmF0dXJl")
              .header("Webhook-Signature", "v1,c2lnbmF0dXJl")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the process with SIGTERM, which writes what its console log still holds. */
    void stop() throws Exception {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    String stderr() throws Exception {
      return Files.readString(stderr, UTF_8);
    }

    List<JsonNode> stopAndParseEveryLine() throws Exception {
      stop();
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(stderr, UTF_8)) {
        JsonNode parsed = JSON.readTree(line);
        assertThat(parsed).as(line).isNotNull();
        assertThat(parsed.isObject()).as(line).isTrue();
        lines.add(parsed);
      }
      assertThat(lines).isNotEmpty();
      return lines;
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
