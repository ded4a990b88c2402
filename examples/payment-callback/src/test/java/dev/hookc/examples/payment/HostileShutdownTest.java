package dev.hookc.examples.payment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.store.ProjectDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as its users run it, {@code HookcApplication.main} in a JVM of its own, stopped with
 * SIGTERM (as {@code docker stop} and Kubernetes stop it) in the middle of a burst of callbacks:
 * every callback answered 2xx was confirmed with the gateway and is in the payments table, none is
 * answered 500, and the log lines of the callbacks and of the stop are all printed.
 */
@Timeout(120)
class HostileShutdownTest {
  private static final Pattern SERVING =
      Pattern.compile("hookc: serving 1 route on http://localhost:(\\d+)");
  private static final int SENDERS = 8;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @TempDir Path workingDirectory;

  @Test
  void recordsEveryAcknowledgedCallbackAndAnswersNone500WhenStoppedMidLoad() throws Exception {
    Path output = workingDirectory.resolve("output.log");
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                HookcApplication.class.getName())
            // The application's default database, in ./data, is then this test's own.
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    command.environment().put("PORT", "0");
    command.environment().remove("HOOKC_DATA_DIR");
    // The gateway reports every transaction as successful.
    GatewayStub gateway = new GatewayStub(id -> "success");
    command.environment().put("GATEWAY_BASE_URL", gateway.baseUrl());
    command.environment().put("GATEWAY_API_KEY", GatewayStub.API_KEY);
    Process app = command.start();
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      URI callback = URI.create("http://127.0.0.1:" + awaitPort(app, output) + "/payment/callback");
      CountDownLatch underLoad = new CountDownLatch(200);
      for (int s = 0; s < SENDERS; s++) {
        int sender = s;
        senders.execute(() -> send(callback, "tx-" + sender + "-", answers, underLoad, sending));
      }
      assertThat(underLoad.await(15, TimeUnit.SECONDS)).as("under load").isTrue();

      app.destroy(); // SIGTERM, with callbacks in flight

      assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
    } finally {
      sending.set(false);
      senders.shutdown();
      senders.awaitTermination(15, TimeUnit.SECONDS);
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      gateway.close();
    }

    Set<String> acknowledged = new HashSet<>();
    answers.forEach(
        (transaction, status) -> {
          if (status / 100 == 2) {
            acknowledged.add(transaction);
          }
        });
    assertThat(answers.values())
        .as("statuses")
        .doesNotContain(500)
        .allMatch(s -> s < 500 || s == 503);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
    assertThat(recorded()).containsAll(acknowledged);
    String printed = Files.readString(output, UTF_8);
    assertThat(printed)
        .containsPattern("INFO dev.hookc.runtime.HookcServer: stopping: .*")
        .containsPattern("INFO dev.hookc.runtime.HookcServer: stopped after \\d+ ms")
        .doesNotContain("Exception");
    for (String transaction : acknowledged) {
      assertThat(printed)
          .contains("payment " + transaction + " reported as success, gateway status success");
    }
    Matcher stopped = Pattern.compile("stopped after (\\d+) ms").matcher(printed);
    assertThat(stopped.find()).isTrue();
    System.out.printf(
        "payment shutdown test: %d callbacks answered, %d of them 2xx and recorded, %d refused"
            + " with 503 while stopping; the stop took %s ms%n",
        answers.size(),
        acknowledged.size(),
        answers.values().stream().filter(s -> s == 503).count(),
        stopped.group(1));
  }

  /** Sends callbacks one after another until the server is gone, noting each answer. */
  private static void send(
      URI callback,
      String prefix,
      Map<String, Integer> answers,
      CountDownLatch underLoad,
      AtomicBoolean sending) {
    for (int n = 0; sending.get(); n++) {
      String transaction = prefix + n;
      String body =
          "{\"transaction_id\":\""
              + transaction
              + "\",\"status\":\"success\",\"amount\":12.5,\"currency\":\"EUR\"}";
      try {
        HttpResponse<String> response =
            CLIENT.send(
                HttpRequest.newBuilder(callback)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        answers.put(transaction, response.statusCode());
        underLoad.countDown();
      } catch (java.io.IOException e) {
        // Refused or cut off once the server stops: not an answer.
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Set<String> recorded() throws Exception {
    Set<String> transactions = new HashSet<>();
    // The datasource db without a url: H2 in ./data/db.
    String url = ProjectDatabase.h2Url(workingDirectory.resolve("data"), "db");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT transaction_id FROM payments")) {
      while (rows.next()) {
        transactions.add(rows.getString(1));
      }
    }
    return transactions;
  }

  private static int awaitPort(Process app, Path output) throws Exception {
    // A bound, not a measure: a JVM starting on a loaded shared machine can take this long.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(output) ? Files.readString(output, UTF_8) : "";
      Matcher serving = SERVING.matcher(text);
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      if (!app.isAlive()) {
        throw new AssertionError("exited with " + app.exitValue() + ": " + text);
      }
      // Another process's output: there is nothing to wait on but the file.
      Thread.sleep(20);
    }
    throw new AssertionError("not serving within 60 s: " + Files.readString(output, UTF_8));
  }
}
