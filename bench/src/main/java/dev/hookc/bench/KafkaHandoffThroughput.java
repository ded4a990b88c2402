package dev.hookc.bench;

import dev.hookc.kafka.HandoffApp;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Acknowledged deliveries per second of a {@code delivery: kafka} route (Standard Webhooks
 * signature, idempotency on the delivery id in the embedded H2 store, keyed record, acks=all) at 50
 * concurrent senders (and the same route without idempotency), against the raw limit measured in
 * the same run on the same in-process broker: 50 threads each sending with a plain producer ({@code
 * acks=all}, idempotent) and waiting for the acknowledgement. Prints both rates and their ratio,
 * and the rate of the same HTTP client against a route that answers at once: the ceiling that the
 * sender and the HTTP exchange, which the plain producer does not pay, put on the hand-off here.
 *
 * <p>Arguments: seconds per measurement (default 15), senders (default 50).
 */
public final class KafkaHandoffThroughput {
  private KafkaHandoffThroughput() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int senders = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    byte[] body =
        "{\"type\":\"payment.succeeded\",\"object\":{\"id\":\"pi_0001\",\"amount\":4200}}"
            .getBytes(StandardCharsets.UTF_8);
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopic("raw", 3);
      broker.createTopic("handoff", 3);
      // Warm-up of both paths, then the measurements.
      raw(broker, senders, 3, body);
      double raw = raw(broker, senders, seconds, body);
      Path data = Files.createTempDirectory("hookc-bench-kafka");
      try (Application app =
          HandoffApp.builder(broker.bootstrapServers(), "handoff", Duration.ofSeconds(10), data)
              .build()
              .start()) {
        handoff(app, "/hooks", senders, 3, body);
        double handoff = handoff(app, "/hooks", senders, seconds, body);
        double plain = handoff(app, "/plain", senders, seconds, body);
        // The ceiling of the HTTP exchange alone on this machine: the same client and server
        // with a route that does nothing, neither signature nor store nor broker.
        HookcServer noop =
            HookcServer.builder()
                .host("127.0.0.1")
                .port(0)
                .route(Route.of("POST", "/noop", request -> Response.empty(202)))
                .start();
        double http;
        try {
          http = handoff(noop.port(), "/noop", senders, seconds, body);
        } finally {
          noop.stop(Duration.ofSeconds(1));
        }
        System.out.printf(
            "kafka hand-off, %d senders, %d s each: plain producer acks=all %.0f records/s;"
                + " delivery: kafka %.0f acknowledged deliveries/s (ratio %.2f);"
                + " without idempotency %.0f/s (ratio %.2f);"
                + " HTTP alone (a route that answers 202 at once) %.0f/s (ratio %.2f)%n",
            senders, seconds, raw, handoff, handoff / raw, plain, plain / raw, http, http / raw);
      }
    }
  }

  private static double raw(KafkaBroker broker, int senders, int seconds, byte[] body)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            2);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      return run(
          senders,
          seconds,
          i -> {
            producer.send(new ProducerRecord<>("raw", "pi_" + (i % 64), body)).get();
            return true;
          });
    }
  }

  private static double handoff(Application app, String path, int senders, int seconds, byte[] body)
      throws Exception {
    return handoff(app.port(), path, senders, seconds, body);
  }

  private static double handoff(int port, String path, int senders, int seconds, byte[] body)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    AtomicLong ids = new AtomicLong();
    return run(
        senders,
        seconds,
        i -> {
          HttpRequest.Builder request =
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(20))
                  .header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body));
          HandoffApp.signer()
              .deliveryId("msg_" + ids.incrementAndGet())
              .sign(body)
              .forEach(request::header);
          return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
              == 202;
        });
  }

  @FunctionalInterface
  private interface Send {
    boolean send(long i) throws Exception;
  }

  /** Acknowledged sends per second of {@code senders} threads sending for {@code seconds}. */
  private static double run(int senders, int seconds, Send send) throws Exception {
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong counter = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < senders; t++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  if (send.send(counter.incrementAndGet())) {
                    acknowledged.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : running) {
      future.get(seconds + 60L, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return acknowledged.get() / ((System.nanoTime() - started) / 1e9);
  }
}
