package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed between an async workflow's write and the delivery's completion: with the store
 * on the datasource, the write and the completion commit together, so the redelivery after the
 * restart writes the row once; with the store apart, the row is written twice (at-least-once).
 */
@Timeout(60)
class ExactlyOnceDeliveryTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void aDeliveryKilledBetweenItsWriteAndItsCompletionWritesOnceWithTheStoreOnTheDatasource()
      throws Exception {
    assertThat(rowsAfterAKillAndARestart("store-on-db")).isEqualTo(1);
  }

  @Test
  void withTheStoreApartTheSameKillWritesTheRowTwice() throws Exception {
    assertThat(rowsAfterAKillAndARestart("store-apart")).isEqualTo(2);
  }

  private int rowsAfterAKillAndARestart(String store) throws Exception {
    Process first = start(store, "crash");
    BufferedReader out = output(first);
    int port = port(out);
    HttpResponse<String> accepted = post(port, "evt_1");
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(out.readLine()).isEqualTo("written evt_1");
    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    Process second = start(store, "run");
    try {
      int again = port(output(second));
      JsonNode state = waitUntilDone(again);
      return state.get("rows").asInt();
    } finally {
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process start(String store, String mode) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ExactlyOnceApp.class.getName(),
            data.toString(),
            store,
            mode)
        .redirectError(data.resolve("stderr-" + mode + ".log").toFile())
        .start();
  }

  private static BufferedReader output(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static int port(BufferedReader out) throws Exception {
    String line = out.readLine();
    assertThat(line).as("the app's first line").startsWith("port ");
    return Integer.parseInt(line.substring(5));
  }

  private static HttpResponse<String> post(int port, String id) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
            .header("webhook-id", id)
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode waitUntilDone(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode state = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/evt_1"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      state = JSON.readTree(response.body());
      if (state.get("state").asText().equals("DONE")) {
        return state;
      }
      Thread.sleep(50); // polling another process: no latch reaches across
    }
    throw new AssertionError("the delivery was not completed after the restart: " + state);
  }
}
