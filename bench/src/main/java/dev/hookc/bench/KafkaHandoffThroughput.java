package dev.hookc.bench;

import dev.hookc.kafka.HandoffApp;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Acknowledged deliveries per second of a {@code delivery: kafka} route at N concurrent senders
 * against the raw limit measured in the same run on the same in-process broker: N threads each
 * sending with one shared plain producer ({@code acks=all}, idempotent, {@code linger.ms=2}, as
 * hookc's) and waiting for its acknowledgement. The route (Standard Webhooks signature, keyed
 * record, {@code acks=all}) is measured with idempotency on the delivery id in the embedded H2
 * store ({@code idempotent}) and without ({@code plain}); {@code http} is a hookc server whose
 * route answers 202 at once: the ceiling that the HTTP exchange, which the producer does not pay,
 * puts on the hand-off on this machine.
 *
 * <p>The senders are {@link LoopbackSenders} (raw sockets, each request signed by its sender), the
 * records keyed by 64 object ids on both sides, each measurement on a topic (and store) of its own.
 * A run is valid only if every answer was the expected one (202, an acknowledged send for the
 * producer) and the topic holds exactly as many records as were acknowledged.
 *
 * <p>Arguments: {@code --senders 50 --runs 3 --warmup 2 --duration 5 --modes
 * http,plain,idempotent}.
 */
public final class KafkaHandoffThroughput {
  private static final int KEYS = 64;
  private static final int PARTITIONS = 3;

  private KafkaHandoffThroughput() {}

  private record Options(int senders, int runs, int warmup, int duration, List<String> modes) {}

  /** One measured rate and the load average at its end. */
  private record Rate(double perSecond, String load) {}

  private static int topics;

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    System.out.printf(
        Locale.ROOT,
        "kafka hand-off: %d senders, %d runs of %d s after %d s warm-up, modes %s; %d cores,"
            + " load %s%n",
        o.senders(),
        o.runs(),
        o.duration(),
        o.warmup(),
        o.modes(),
        Runtime.getRuntime().availableProcessors(),
        Rates.load());
    try (KafkaBroker broker = KafkaBroker.start()) {
      // Warm-up: a run of each, not counted, so that the JIT has compiled every path (shorter
      // ones left the first measured runs visibly slower than the later ones).
      producer(broker, o, o.warmup(), 5);
      for (String mode : o.modes()) {
        hookc(broker, o, mode, o.warmup(), 5);
      }
      List<Double> raws = new ArrayList<>();
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      Map<String, List<Double>> ratios = new LinkedHashMap<>();
      for (int run = 1; run <= o.runs(); run++) {
        Rate raw = producer(broker, o, o.warmup(), o.duration());
        raws.add(raw.perSecond());
        print(run, "plain producer acks=all", raw, "");
        for (String mode : o.modes()) {
          Rate r = hookc(broker, o, mode, o.warmup(), o.duration());
          double ratio = r.perSecond() / raw.perSecond();
          rates.computeIfAbsent(mode, m -> new ArrayList<>()).add(r.perSecond());
          ratios.computeIfAbsent(mode, m -> new ArrayList<>()).add(ratio);
          print(run, mode, r, String.format(Locale.ROOT, "  ratio %.2f", ratio));
        }
      }
      System.out.printf(Locale.ROOT, "MEDIAN plain producer %.0f records/s%n", Rates.median(raws));
      for (String mode : o.modes()) {
        System.out.printf(
            Locale.ROOT,
            "MEDIAN %-10s %7.0f acknowledged/s, ratio %.2f%n",
            mode,
            Rates.median(rates.get(mode)),
            Rates.median(ratios.get(mode)));
      }
      System.out.printf(Locale.ROOT, "load now %s%n", Rates.load());
    }
  }

  private static void print(int run, String what, Rate r, String ratio) {
    System.out.printf(
        Locale.ROOT,
        "run %d  %-24s %8.0f /s%s   load %s%n",
        run,
        what,
        r.perSecond(),
        ratio,
        r.load());
  }

  /** The raw limit: senders each sending a record with one shared producer and waiting for it. */
  private static Rate producer(KafkaBroker broker, Options o, int warmup, int duration)
      throws Exception {
    String topic = newTopic(broker, "raw");
    byte[][] bodies = new byte[KEYS][];
    for (int k = 0; k < KEYS; k++) {
      bodies[k] = body(k);
    }
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
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong acknowledged = new AtomicLong();
    AtomicReference<Exception> failed = new AtomicReference<>();
    Rate rate;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      List<Thread> threads = new ArrayList<>();
      for (int s = 0; s < o.senders(); s++) {
        int sender = s;
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (long n = 0; !stop.get(); n++) {
                      int k = (int) ((sender + n) % KEYS);
                      producer.send(new ProducerRecord<>(topic, "pi_" + k, bodies[k])).get();
                      acknowledged.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.compareAndSet(null, e);
                  }
                },
                "producer-" + s);
        threads.add(t);
        t.start();
      }
      rate = new Rate(Rates.window(acknowledged::get, warmup, duration), Rates.load());
      stop.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }
    }
    check(
        "plain producer",
        failed.get() == null ? null : failed.get().toString(),
        0,
        acknowledged.get(),
        records(broker, topic));
    return rate;
  }

  /** A hookc server under the senders: acknowledged deliveries per second. */
  private static Rate hookc(KafkaBroker broker, Options o, String mode, int warmup, int duration)
      throws Exception {
    String topic = newTopic(broker, "handoff");
    Path data = Files.createTempDirectory("hookc-bench-kafka");
    AutoCloseable server;
    int port;
    String path;
    switch (mode) {
      case "http" -> {
        // Neither signature nor store nor broker: the HTTP exchange alone.
        HookcServer noop =
            HookcServer.builder()
                .host("127.0.0.1")
                .port(0)
                .route(Route.of("POST", "/noop", request -> Response.empty(202)))
                .start();
        server = () -> noop.stop(Duration.ofSeconds(5));
        port = noop.port();
        path = "/noop";
      }
      case "plain", "idempotent" -> {
        Application app =
            HandoffApp.builder(broker.bootstrapServers(), topic, Duration.ofSeconds(10), data)
                .build()
                .start();
        server = app;
        port = app.port();
        path = mode.equals("plain") ? "/plain" : "/hooks";
      }
      default -> throw new IllegalArgumentException("unknown mode: " + mode);
    }
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    Rate rate;
    LoopbackSenders senders =
        LoopbackSenders.start(port, o.senders(), 202, s -> new Signed(path, prefix + "_" + s, s));
    try {
      rate = new Rate(Rates.window(senders::acknowledged, warmup, duration), Rates.load());
    } finally {
      senders.stop();
      server.close();
      deleteTree(data);
    }
    long records = mode.equals("http") ? senders.acknowledged() : records(broker, topic);
    check(mode, senders.firstWrong(), senders.wrong(), senders.acknowledged(), records);
    return rate;
  }

  /**
   * One sender's deliveries, each with an id of its own and signed as a Standard Webhooks sender.
   */
  private static final class Signed implements LoopbackSenders.Requests {
    private final String head;
    private final String name;
    private final int sender;
    private final Mac mac;
    private final byte[][] bodies = new byte[KEYS][];

    Signed(String path, String name, int sender) {
      this.head =
          "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
      this.name = name;
      this.sender = sender;
      for (int k = 0; k < KEYS; k++) {
        bodies[k] = body(k);
      }
      String secret = HandoffApp.SECRET.substring("whsec_".length());
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public byte[] request(long n) {
      byte[] body = bodies[(int) ((sender + n) % KEYS)];
      String id = "msg_" + name + "_" + n;
      String timestamp = Long.toString(System.currentTimeMillis() / 1000);
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
      return LoopbackSenders.request(
          head
              + "Content-Length: "
              + body.length
              + "\r\nwebhook-id: "
              + id
              + "\r\nwebhook-timestamp: "
              + timestamp
              + "\r\nwebhook-signature: v1,"
              + signature
              + "\r\n\r\n",
          body);
    }
  }

  /** A payment event of object {@code pi_<k>}: the route keys its record by that id. */
  private static byte[] body(int k) {
    return ("{\"type\":\"payment.succeeded\",\"object\":{\"id\":\"pi_" + k + "\",\"amount\":4200}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A topic of its own for a measurement, whose partitions have a leader: an idempotent producer
   * that starts on a partition still electing one can be refused its first batches (and then its
   * retries, as out of order) until the delivery timeout.
   */
  private static String newTopic(KafkaBroker broker, String prefix) throws Exception {
    String topic = prefix + "-" + ++topics;
    broker.createTopic(topic, PARTITIONS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Admin admin = broker.admin()) {
        boolean led =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (led && records(broker, topic) == 0) {
          return topic;
        }
      } catch (ExecutionException e) {
        // Not known everywhere yet: asked again below.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " has no leader after 30 s");
      }
      Thread.sleep(100);
    }
  }

  /** The records in {@code topic}: the sum of its partitions' end offsets. */
  private static long records(KafkaBroker broker, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try (Admin admin = broker.admin()) {
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }

  /** Throws unless every answer was the expected one and the topic holds each acknowledged one. */
  private static void check(
      String what, String firstWrong, long wrong, long acknowledged, long records) {
    if (firstWrong != null || wrong > 0 || records != acknowledged) {
      throw new IllegalStateException(
          "invalid run of "
              + what
              + ": "
              + wrong
              + " wrong answers (first: "
              + firstWrong
              + "), "
              + records
              + " records for "
              + acknowledged
              + " acknowledged");
    }
  }

  private static Options parse(String[] args) {
    int senders = 50;
    int runs = 3;
    int warmup = 2;
    int duration = 5;
    List<String> modes = List.of("http", "plain", "idempotent");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--senders" -> senders = Integer.parseInt(v);
        case "--runs" -> runs = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--duration" -> duration = Integer.parseInt(v);
        case "--modes" -> modes = List.of(v.split(",", -1));
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    return new Options(senders, runs, warmup, duration, modes);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
