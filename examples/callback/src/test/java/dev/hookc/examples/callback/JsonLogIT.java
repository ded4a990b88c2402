package dev.hookc.examples.callback;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's run command with {@code HOOKC_LOG_FORMAT=json}: every line it writes to standard
 * error is a JSON object, and the lines of a request carry its id, route and task.
 */
@Timeout(90)
class JsonLogIT {
  private static final Path EXAMPLE = Path.of("").toAbsolutePath();
  private static final Pattern SERVING =
      Pattern.compile("hookc: serving 1 route on http://localhost:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void writesEachLineAsJsonWithTheRequestsIdRouteAndTask(@TempDir Path tmp) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + EXAMPLE.resolve("jvm.args"));
    command.add("@" + EXAMPLE.resolve("target/hookc.args"));
    command.addAll(List.of("-jar", "target/callback.jar"));
    Path out = Files.createTempFile(tmp, "stdout", ".log");
    Path err = Files.createTempFile(tmp, "stderr", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(EXAMPLE.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("HOOKC_LOG_"));
    builder.environment().put("PORT", "0");
    builder.environment().put("HOOKC_LOG_FORMAT", "json");
    builder.environment().put("HOOKC_LOG_LEVEL", "dev.hookc.runtime.access=debug");
    Process process = builder.start();
    String invalid;
    try {
      int port = awaitPort(process, out, err);
      HttpResponse<String> valid =
          post(
              port,
              "{\"status\":\"ok\",\"data\":{\"id\":\"cb-7\",\"iban\":\"DE89370400440532013000\"}}");
      assertThat(valid.statusCode()).isEqualTo(200);
      HttpResponse<String> missing = post(port, "{\"data\":{}}");
      assertThat(missing.statusCode()).isEqualTo(400);
      invalid = JSON.readTree(missing.body()).get("requestId").asText();
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(err, UTF_8)) {
      JsonNode parsed = JSON.readTree(line);
      assertThat(parsed.isObject()).as(line).isTrue();
      assertThat(parsed.has("time") && parsed.has("level") && parsed.has("logger"))
          .as(line)
          .isTrue();
      lines.add(parsed);
    }
    JsonNode processed =
        only(lines, l -> l.get("logger").asText().equals("hookc.functions.processData"));
    assertThat(processed.get("level").asText()).isEqualTo("INFO");
    assertThat(processed.get("message").asText())
        .isEqualTo("processed callback data id=cb-7 (2 fields)");
    assertThat(processed.get("route").asText()).isEqualTo("POST /callback");
    assertThat(processed.get("task").asText()).isEqualTo("handleCallback.process_data");
    JsonNode answered = only(lines, l -> l.path("status").asInt() == 200);
    assertThat(answered.get("requestId").asText()).isEqualTo(processed.get("requestId").asText());
    JsonNode refused = only(lines, l -> l.path("status").asInt() == 400);
    assertThat(refused.get("requestId").asText()).isEqualTo(invalid);
    assertThat(refused.get("path").asText()).isEqualTo("/callback");
    // The callback's data is not logged: only its id.
    assertThat(Files.readString(err, UTF_8)).doesNotContain("DE89370400440532013000");
  }

  private static JsonNode only(List<JsonNode> lines, java.util.function.Predicate<JsonNode> which) {
    List<JsonNode> found = lines.stream().filter(which).toList();
    assertThat(found).as("matching lines of %s", lines).hasSize(1);
    return found.get(0);
  }

  private static HttpResponse<String> post(int port, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int awaitPort(Process process, Path out, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(out, UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "exited with " + process.exitValue() + ": " + Files.readString(err));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not serving after 60 s: " + Files.readString(err, UTF_8));
  }
}
