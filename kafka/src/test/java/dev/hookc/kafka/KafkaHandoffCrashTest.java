package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the process serving a {@code delivery: kafka} route with SIGKILL at random moments during a
 * burst, and checks that every delivery it answered 202 is in the topic: an acknowledgement is
 * never given before the broker has the record.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class KafkaHandoffCrashTest {
  private static final int DELIVERIES = 300;
  private static final int KILLS = 3;
  private static final String TOPIC = "crash";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static KafkaBroker broker;

  @TempDir Path data;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
    broker.createTopic(TOPIC, 3);
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  private Process start(AtomicReference<Integer> port) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HandoffApp.class.getName(),
                broker.bootstrapServers(),
                TOPIC,
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
  void everyAcknowledgedDeliveryIsInTheTopicAcrossKills() throws Exception {
    AtomicReference<Integer> port = new AtomicReference<>();
    Process app = start(port);
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < DELIVERIES; i++) {
      ids.add("msg_" + i);
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failedSends = new AtomicInteger();
    java.util.Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicReference<String> lastRefusal = new AtomicReference<>();
    ExecutorService senders = Executors.newFixedThreadPool(12);
    List<Future<?>> running = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (int t = 0; t < 12; t++) {
      running.add(
          senders.submit(
              () -> {
                String id;
                while ((id = ids.poll()) != null) {
                  // Like a real sender: retry until acknowledged.
                  while (System.nanoTime() < deadline) {
                    try {
                      HttpResponse<String> response = send(port.get(), id);
                      statuses.merge(response.statusCode(), 1, Integer::sum);
                      if (response.statusCode() == 202) {
                        acknowledged.add(id);
                        break;
                      }
                      lastRefusal.set(response.body());
                    } catch (Exception e) {
                      failedSends.incrementAndGet();
                    }
                    Thread.sleep(30);
                  }
                }
                return null;
              }));
    }
    Random random = new Random();
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(300 + random.nextInt(700));
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        app = start(port);
      }
      for (Future<?> sender : running) {
        sender.get(100, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    Set<String> inTopic = ConcurrentHashMap.newKeySet();
    int records = 0;
    for (ConsumerRecord<byte[], byte[]> record : broker.readAll(TOPIC, Duration.ofSeconds(30))) {
      Header id = record.headers().lastHeader("hookc-delivery-id");
      inTopic.add(new String(id.value(), StandardCharsets.UTF_8));
      records++;
    }
    assertThat(acknowledged)
        .as(
            "statuses %s, last refusal %s, the app's log: %s",
            statuses, lastRefusal.get(), java.nio.file.Files.readString(data.resolve("stderr.log")))
        .hasSize(DELIVERIES);
    assertThat(inTopic).containsAll(acknowledged);
    System.out.printf(
        "kafka hand-off crash test: %d deliveries, %d kills, %d records (%d duplicates of a"
            + " delivery retried after a kill, at-least-once), %d failed sends retried%n",
        DELIVERIES, KILLS, records, records - inTopic.size(), failedSends.get());
  }

  private static HttpResponse<String> send(int port, String id) throws Exception {
    byte[] body =
        ("{\"object\":{\"id\":\"obj_" + Math.floorMod(id.hashCode(), 17) + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks"))
            .timeout(Duration.ofSeconds(15))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HandoffApp.signer().deliveryId(id).sign(body).forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
