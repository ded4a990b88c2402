package dev.hookc.kafka.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One Apache Kafka broker in this JVM: Kafka's own KRaft server in combined mode (broker and
 * controller, node 1), listening on 127.0.0.1, with its data in a temporary folder deleted on
 * {@link #close()}.
 *
 * <p>The ports are chosen once and kept across {@link #stop()} and {@link #restart()}, so that
 * clients configured with {@link #bootstrapServers()} reconnect to the restarted broker by
 * themselves, as they would to a real one. Every wait is bounded.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(45);
  // Held so that the levels stay set: java.util.logging keeps loggers only weakly.
  private static final List<Logger> QUIET = new ArrayList<>();

  static {
    for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      QUIET.add(logger);
    }
  }

  private final Path data;
  private final int brokerPort;
  private final int controllerPort;
  private final int saslPort;
  private final Map<String, String> plainUsers;
  private final KafkaConfig config;
  private KafkaRaftServer server;

  private KafkaBroker(
      Path data, int brokerPort, int controllerPort, int saslPort, Map<String, String> plainUsers) {
    this.data = data;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.saslPort = saslPort;
    this.plainUsers = plainUsers;
    this.config = new KafkaConfig(properties(), false);
  }

  /** Formats a new broker's storage and starts it, waiting until it answers an admin client. */
  public static KafkaBroker start() {
    return start(Map.of());
  }

  /**
   * As {@link #start()}, with a second listener at {@link #saslBootstrapServers()} that takes only
   * authenticated clients, as a managed Kafka service does: by SASL/PLAIN as one of {@code users}
   * (name to password, fixed for the broker's life), or by SCRAM-SHA-256 as a user {@link
   * #addScramUser added} while it runs. {@link #bootstrapServers()} stays open, for the harness's
   * own clients.
   */
  public static KafkaBroker startWithPlainUsers(Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("no users");
    }
    return start(users);
  }

  private static KafkaBroker start(Map<String, String> plainUsers) {
    KafkaBroker broker;
    try {
      broker =
          new KafkaBroker(
              Files.createTempDirectory("hookc-kafka"),
              freePort(),
              freePort(),
              plainUsers.isEmpty() ? 0 : freePort(),
              Map.copyOf(plainUsers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    broker.format();
    broker.restart();
    return broker;
  }

  /** The {@code bootstrap.servers} value of this broker, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** A client's settings for the SASL listener, as PLAIN {@code user} with {@code password}. */
  public static Map<String, String> plainClient(String user, String password) {
    return saslClient(
        "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule", user, password);
  }

  /**
   * A client's settings for the SASL listener, as SCRAM-SHA-256 {@code user} with {@code password}.
   */
  public static Map<String, String> scramClient(String user, String password) {
    return saslClient(
        "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
  }

  private static Map<String, String> saslClient(
      String mechanism, String loginModule, String user, String password) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        mechanism,
        "sasl.jaas.config",
        loginModule + " required username=\"" + user + "\" password=\"" + password + "\";");
  }

  /**
   * Provisions SCRAM-SHA-256 credentials for {@code user} while the broker runs, as an operator
   * does with {@code kafka-configs.sh --alter --add-config SCRAM-SHA-256=...}: clients of the SASL
   * listener authenticate as {@code user} from then on.
   */
  public void addScramUser(String user, String password) {
    try (Admin admin = admin()) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot add the SCRAM user " + user, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code bootstrap.servers} value of the SASL listener. */
  public String saslBootstrapServers() {
    if (saslPort == 0) {
      throw new IllegalStateException("this broker was started without a SASL listener");
    }
    return "127.0.0.1:" + saslPort;
  }

  /** Whether the broker is running now. */
  public synchronized boolean running() {
    return server != null;
  }

  /** Stops the broker (a clean shutdown: everything it acknowledged is on disk); data are kept. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /** Starts the broker again on the same ports and data, waiting until it answers. */
  public synchronized void restart() {
    if (server != null) {
      return;
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady();
  }

  /** Creates a topic with the given number of partitions (replication factor 1), if missing. */
  public void createTopic(String topic, int partitions) {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic " + topic + " not created within 30 s", e);
    }
  }

  /** An admin client of this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
  }

  /** A consumer of raw bytes that reads committed records from the start; the caller closes it. */
  public KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * Every record of the topic from its beginning up to its end offsets as of now, read by a fresh
   * consumer of all its partitions, within {@code timeout}.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " not read within " + timeout);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort + sasl);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + sasl);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
    if (saslPort != 0) {
      StringBuilder jaas =
          new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      plainUsers.forEach(
          (user, password) ->
              jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
      p.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
      p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
      // SCRAM users live in the cluster's metadata, added while it runs (addScramUser).
      p.put(
          "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }
    p.put("log.dirs", data.resolve("log").toString());
    // One broker: every internal topic has one replica, and few partitions for a fast start.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    // A stopped broker comes back at once instead of waiting out the controller's session.
    p.put("broker.session.timeout.ms", "9000");
    p.put("controlled.shutdown.enable", "true");
    return p;
  }

  private void format() {
    Formatter formatter =
        new Formatter()
            .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
            .setNodeId(1)
            .setClusterId(Uuid.randomUuid().toString())
            .setControllerListenerName("CONTROLLER")
            .setMetadataLogDirectory(config.metadataLogDir());
    for (String dir : config.logDirs()) {
      formatter.addDirectory(dir);
    }
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the broker's storage in " + data, e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY.toNanos();
    Exception last = null;
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("the broker did not answer within " + READY, last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
