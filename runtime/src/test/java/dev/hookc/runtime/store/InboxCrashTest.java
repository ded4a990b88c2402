package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server process with SIGKILL at random moments during a burst of async deliveries, and
 * checks after a restart that every acknowledged delivery was processed and none was accepted
 * twice.
 */
class InboxCrashTest {
  private static final int KILLS = 4;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path data;
  private int deliveries;

  private Process start(AtomicReference<Integer> port) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InboxCrashApp.class.getName(),
                data.toString())
            .redirectError(data.resolve("stderr.log").toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the app's first line").startsWith("port ");
    port.set(Integer.parseInt(line.substring(5)));
    return process;
  }

  @Test
  void processesEveryAcknowledgedDeliveryAndAcceptsNoneTwiceAcrossKills() throws Exception {
    killDuringBurst(12, 300);
  }

  /**
   * As many senders as a busy provider opens: the inbox commits their deliveries in shared batches,
   * and a kill in the middle of a batch must lose no acknowledged delivery.
   */
  @Test
  void losesNoAcknowledgedDeliveryWhenKilledAmidGroupCommitsOf50Senders() throws Exception {
    killDuringBurst(50, 1000);
  }

  private void killDuringBurst(int senderThreads, int deliveries) throws Exception {
    this.deliveries = deliveries;
    AtomicReference<Integer> port = new AtomicReference<>();
    Process app = start(port);
    ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < deliveries; i++) {
      keys.add("evt_" + i);
    }
    Map<String, AtomicInteger> fresh = new ConcurrentHashMap<>();
    AtomicInteger replayed = new AtomicInteger();
    java.util.Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failedSends = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(senderThreads);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < senderThreads; t++) {
      running.add(
          senders.submit(
              () -> {
                String key;
                while ((key = keys.poll()) != null) {
                  // Like a real sender: retry until acknowledged, and sometimes redeliver after.
                  int copies = ThreadLocalRandom.current().nextInt(4) == 0 ? 2 : 1;
                  for (int copy = 0; copy < copies; copy++) {
                    while (true) {
                      try {
                        HttpResponse<Void> response = send(port.get(), key);
                        if (response.statusCode() == 202) {
                          acknowledged.add(key);
                          if (response.headers().firstValue("idempotent-replayed").isPresent()) {
                            replayed.incrementAndGet();
                          } else {
                            fresh.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                          }
                          break;
                        }
                      } catch (Exception e) {
                        failedSends.incrementAndGet();
                      }
                      sleep(30);
                    }
                  }
                }
                return null;
              }));
    }
    Random random = new Random();
    for (int kill = 0; kill < KILLS; kill++) {
      sleep(200 + random.nextInt(500));
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      app = start(port);
    }
    for (Future<?> sender : running) {
      sender.get(60, TimeUnit.SECONDS);
    }
    senders.shutdown();
    Map<String, Integer> processed = waitUntilProcessed(Duration.ofSeconds(30));
    // The last runs mark their deliveries done just after their side effect.
    sleep(1000);
    app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

    // A delivery stored just before a kill is acknowledged only to the sender's retry, as a
    // replay; what must never happen is a key accepted as new twice, or one never acknowledged.
    assertThat(acknowledged).hasSize(deliveries);
    assertThat(fresh.values()).allSatisfy(n -> assertThat(n).as("fresh acceptances").hasValue(1));
    assertThat(processed.keySet()).hasSize(deliveries);
    Map<String, Integer> rows = inboxRows();
    assertThat(rows).hasSize(deliveries);
    assertThat(rows.values()).containsOnly(1);
    long again = processed.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "inbox crash test: %d senders, %d deliveries, %d kills, %d redeliveries replayed, %d failed sends"
            + " retried, %d deliveries processed more than once (at-least-once), %d ms%n",
        senderThreads, deliveries, KILLS, replayed.get(), failedSends.get(), again, elapsed);
  }

  private Map<String, Integer> waitUntilProcessed(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Integer> counts = new HashMap<>();
    while (System.nanoTime() < deadline) {
      counts.clear();
      Path log = data.resolve("processed.log");
      if (Files.exists(log)) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        // A line cut short by a kill has no newline: that run did not complete.
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n", -1)) {
          if (!line.isEmpty()) {
            counts.merge(line, 1, Integer::sum);
          }
        }
      }
      if (counts.size() >= deliveries) {
        break;
      }
      sleep(100);
    }
    return counts;
  }

  private Map<String, Integer> inboxRows() throws Exception {
    Map<String, Integer> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection(JdbcStore.h2Url(data));
        ResultSet row =
            c.createStatement()
                .executeQuery(
                    "SELECT dedup_key, COUNT(*), MIN(state) FROM hookc_inbox GROUP BY dedup_key")) {
      while (row.next()) {
        rows.put(row.getString(1), row.getInt(2));
        assertThat(row.getString(3)).isEqualTo("DONE");
      }
      c.createStatement().execute("SHUTDOWN");
    }
    return rows;
  }

  private static HttpResponse<Void> send(int port, String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
            .timeout(Duration.ofSeconds(5))
            .header("webhook-id", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + key + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
