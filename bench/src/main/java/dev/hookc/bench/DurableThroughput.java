package dev.hookc.bench;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Acknowledged deliveries per second of a {@code delivery: async} route (the inbox's accept path,
 * real HTTP on loopback, N concurrent senders each with its own keep-alive connection and a fresh
 * idempotency key per delivery) against the raw limit of the same store in the same run: plain
 * batched inserts of the same row (with ids made as hookc makes them) into the same table, one
 * commit per batch, on the same URL (so the same durability settings). Each run gets a fresh
 * database; raw and hookc runs alternate.
 *
 * <p>Arguments: {@code --stores h2,postgresql --senders 50 --runs 3 --warmup 5 --duration 8 --batch
 * 50 --raw-writers 1,2 --workers 0}. With {@code --workers 0} the inbox's one worker is held on its
 * first delivery, so the figure is the acknowledgement path alone; {@code --workers 4} lets four
 * workers process deliveries (a no-op handler) meanwhile.
 */
public final class DurableThroughput {
  private static final String SCOPE = "POST /webhooks/orders";
  private static final String INSERT =
      "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
          + " headers, body, state, attempts, next_attempt_at, claimed_until, received_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?)";
  // A realistic provider event: what a payment provider sends, about 600 bytes.
  private static final byte[] BODY =
      ("{\"id\":\"evt_1NGy8qLkdIwHu7ix0rXyZ1mQ\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
              + "\"created\":1733280000,\"type\":\"payment_intent.succeeded\",\"livemode\":false,"
              + "\"pending_webhooks\":1,\"request\":{\"id\":\"req_8fYq2LwH3mN0pQ\","
              + "\"idempotency_key\":\"5a1c7e2b-3f4d-4c8e-9a0b-1d2e3f4a5b6c\"},\"data\":{\"object\":"
              + "{\"id\":\"pi_3NGy8pLkdIwHu7ix1AbCdEfG\",\"object\":\"payment_intent\",\"amount\":2599,"
              + "\"amount_received\":2599,\"currency\":\"eur\",\"customer\":\"cus_P1x2Y3z4A5b6C7\","
              + "\"description\":\"Order 1043\",\"metadata\":{\"order_id\":\"1043\",\"channel\":\"web\"},"
              + "\"payment_method\":\"pm_1NGy8oLkdIwHu7ixQwErTyUi\",\"status\":\"succeeded\","
              + "\"receipt_email\":\"ada@example.com\"}}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final String HEAD =
      "POST /webhooks/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
          + "Content-Length: "
          + BODY.length
          + "\r\nwebhook-id: ";
  // The ids hookc gives deliveries (time-ordered, UUID version 7), so that the primary-key index
  // grows as it does under hookc: random UUIDs would halve H2's raw limit.
  private static final TimeBasedEpochRandomGenerator IDS =
      Generators.timeBasedEpochRandomGenerator();
  private static final String KEY_PREFIX = UUID.randomUUID().toString().substring(0, 8);

  private DurableThroughput() {}

  private record Options(
      List<String> stores,
      int senders,
      int runs,
      int warmup,
      int duration,
      int batch,
      List<Integer> rawWriters,
      int workers) {}

  /** One measured rate: what, how many per second, and the load average around it. */
  private record Rate(String what, double perSecond, String load) {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Path base = Files.createTempDirectory("hookc-durable-");
    System.out.printf(
        Locale.ROOT,
        "durable throughput: %d senders, batch %d, raw writers %s, inbox workers %s, %d runs of"
            + " %d s after %d s warm-up; %d cores%n",
        o.senders(),
        o.batch(),
        o.rawWriters(),
        o.workers() == 0 ? "held" : o.workers(),
        o.runs(),
        o.duration(),
        o.warmup(),
        Runtime.getRuntime().availableProcessors());
    EmbeddedPostgres postgres = null;
    try {
      for (String kind : o.stores()) {
        if (kind.equals("postgresql") && postgres == null) {
          // zonky turns synchronous_commit off by default; hookc's users run with PostgreSQL's
          // default (on, fsync on), so every commit waits for the WAL flush.
          postgres =
              EmbeddedPostgres.builder()
                  .setServerConfig("synchronous_commit", "on")
                  .setServerConfig("fsync", "on")
                  .setServerConfig("max_connections", "100")
                  .setDataDirectory(base.resolve("pg"))
                  .start();
        }
        measure(kind, new Stores(kind, base, postgres), o);
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      deleteTree(base);
    }
  }

  private static void measure(String kind, Stores stores, Options o) throws Exception {
    System.out.printf(Locale.ROOT, "%n== %s ==%n", kind);
    // Warm-up: one short run of each, not counted, so that the JIT has compiled both paths.
    for (int writers : o.rawWriters()) {
      raw(stores, o, writers, o.warmup(), 1);
    }
    hookc(stores, o, o.warmup(), 1);
    List<Double> ratios = new ArrayList<>();
    List<Double> rawBest = new ArrayList<>();
    List<Double> acked = new ArrayList<>();
    for (int run = 1; run <= o.runs(); run++) {
      double best = 0;
      for (int writers : o.rawWriters()) {
        Rate r = raw(stores, o, writers, o.warmup(), o.duration());
        print(kind, run, r);
        best = Math.max(best, r.perSecond());
      }
      Rate h = hookc(stores, o, o.warmup(), o.duration());
      print(kind, run, h);
      rawBest.add(best);
      acked.add(h.perSecond());
      ratios.add(h.perSecond() / best);
      System.out.printf(Locale.ROOT, "%-10s run %d  ratio %.2f%n", kind, run, h.perSecond() / best);
    }
    // The same senders against a route that stores nothing and answers at once: what this
    // machine's HTTP path alone reaches while the database's process is idle, so that the ratio's
    // ceiling here is printed beside it (the database shares the same cores).
    Rate alone = httpAlone(o, o.warmup(), o.duration());
    print(kind, 0, alone);
    System.out.printf(
        Locale.ROOT,
        "%-10s MEDIAN  raw limit %.0f rows/s, hookc %.0f acknowledged/s, ratio %.2f; HTTP alone"
            + " %.2f of the raw limit (load now %s)%n",
        kind,
        Rates.median(rawBest),
        Rates.median(acked),
        Rates.median(ratios),
        alone.perSecond() / Rates.median(rawBest),
        Rates.load());
  }

  /** The senders against a route that answers 202 at once: HTTP alone, per second. */
  private static Rate httpAlone(Options o, int warmup, int duration) throws Exception {
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(Route.of("POST", "/webhooks/orders", request -> Response.empty(202)))
            .start();
    LoopbackSenders senders =
        LoopbackSenders.start(
            server.port(), o.senders(), 202, s -> n -> LoopbackSenders.request(head(s, n), BODY));
    double rate = Rates.window(senders::acknowledged, warmup, duration);
    String load = Rates.load();
    senders.stop();
    server.stop(Duration.ofSeconds(5));
    if (senders.wrong() > 0) {
      throw new IllegalStateException("invalid run: first wrong answer " + senders.firstWrong());
    }
    return new Rate("HTTP alone, " + o.senders() + " senders", rate, load);
  }

  private static void print(String kind, int run, Rate r) {
    System.out.printf(
        Locale.ROOT,
        "%-10s run %d  %-28s %9.0f /s   load %s%n",
        kind,
        run,
        r.what(),
        r.perSecond(),
        r.load());
  }

  /** Fresh databases of one kind, one per measurement. */
  private static final class Stores {
    private final String kind;
    private final Path base;
    private final EmbeddedPostgres postgres;
    private int next;

    Stores(String kind, Path base, EmbeddedPostgres postgres) {
      this.kind = kind;
      this.base = base;
      this.postgres = postgres;
    }

    JdbcStore open() throws Exception {
      int n = ++next;
      if (kind.equals("h2")) {
        // Exactly the URL of hookc's embedded default: WRITE_DELAY=0, a commit is written to the
        // file before it returns.
        return JdbcStore.open(JdbcStore.h2Url(base.resolve("h2-" + n)), null, null);
      }
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE bench" + n);
      }
      return JdbcStore.open(postgres.getJdbcUrl("postgres", "bench" + n), "postgres", null);
    }
  }

  /** {@code writers} threads inserting the inbox's row in batches, one commit per batch. */
  private static Rate raw(Stores stores, Options o, int writers, int warmup, int duration)
      throws Exception {
    JdbcStore store = stores.open();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong rows = new AtomicLong();
    String headers = headersJson();
    List<Thread> threads = new ArrayList<>();
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread t =
          new Thread(
              () -> {
                try (Connection c = store.dataSource().getConnection()) {
                  c.setAutoCommit(false);
                  c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                  try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (long round = 0; !stop.get(); round++) {
                      long now = System.currentTimeMillis();
                      for (int i = 0; i < o.batch(); i++) {
                        insert.setString(1, IDS.generate().toString());
                        insert.setString(2, SCOPE);
                        // Keys shaped as the senders' are: one ascending sequence per sender,
                        // interleaved, so that the unique index grows the same way.
                        insert.setString(3, prefix + "-" + (writer * o.batch() + i) + "-" + round);
                        insert.setString(4, "POST");
                        insert.setString(5, "/webhooks/orders");
                        insert.setString(6, "{}");
                        insert.setString(7, "{}");
                        insert.setString(8, headers);
                        insert.setBytes(9, BODY);
                        insert.setLong(10, now);
                        insert.setLong(11, now);
                        insert.addBatch();
                      }
                      insert.executeBatch();
                      c.commit();
                      rows.addAndGet(o.batch());
                    }
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              "raw-writer-" + w);
      threads.add(t);
      t.start();
    }
    double rate = Rates.window(rows::get, warmup, duration);
    String load = Rates.load();
    stop.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
    store.close();
    return new Rate("raw, " + writers + " writer(s) x " + o.batch(), rate, load);
  }

  /** The async route under {@code o.senders()} concurrent senders: acknowledged per second. */
  private static Rate hookc(Stores stores, Options o, int warmup, int duration) throws Exception {
    JdbcStore store = stores.open();
    CountDownLatch release = new CountDownLatch(1);
    Inbox inbox =
        Inbox.builder(store, SCOPE)
            .handler(
                request -> {
                  if (o.workers() == 0) {
                    release.await();
                  }
                  return Response.empty(204);
                })
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(Math.max(1, o.workers()))
            .start();
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST",
                    "/webhooks/orders",
                    inbox.accept(202, RequestKeys.header("webhook-id"), null)))
            .start();
    LoopbackSenders senders =
        LoopbackSenders.start(
            server.port(), o.senders(), 202, s -> n -> LoopbackSenders.request(head(s, n), BODY));
    long commitsBefore = commits(store);
    long ackedBefore = senders.acknowledged();
    double rate = Rates.window(senders::acknowledged, warmup, duration);
    String load = Rates.load();
    long perCommit = commits(store) - commitsBefore;
    long ackedDuring = senders.acknowledged() - ackedBefore;
    senders.stop();
    server.stop(Duration.ofSeconds(5));
    release.countDown();
    inbox.stop(Duration.ofSeconds(1));
    long stored = count(store);
    store.close();
    if (senders.wrong() > 0 || stored != senders.acknowledged()) {
      throw new IllegalStateException(
          "invalid run: "
              + senders.wrong()
              + " answers other than 202 (first: "
              + senders.firstWrong()
              + "), "
              + stored
              + " rows for "
              + senders.acknowledged()
              + " acknowledged deliveries");
    }
    String batches =
        perCommit <= 0
            ? ""
            : String.format(Locale.ROOT, ", %.1f/commit", (double) ackedDuring / perCommit);
    return new Rate("hookc async, " + o.senders() + " senders" + batches, rate, load);
  }

  /**
   * The head of delivery {@code n} of sender {@code s}: a fresh idempotency key per delivery, one
   * ascending sequence per sender.
   */
  private static String head(int s, long n) {
    return HEAD + KEY_PREFIX + "-" + s + "-" + n + "\r\n\r\n";
  }

  /** PostgreSQL's count of committed transactions in the database so far; 0 on H2. */
  private static long commits(JdbcStore store) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        return 0;
      }
      try (ResultSet row =
          s.executeQuery(
              "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static long count(JdbcStore store) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT COUNT(*) FROM hookc_inbox")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The headers column as hookc writes it for the senders' requests. */
  private static String headersJson() {
    return "{\"content-length\":[\""
        + BODY.length
        + "\"],\"content-type\":[\"application/json\"],\"host\":[\"127.0.0.1\"],"
        + "\"user-agent\":[\"Stripe/1.0 (+https://stripe.com/docs/webhooks)\"],"
        + "\"webhook-id\":[\"a1b2c3d4-12-123456\"]}";
  }

  private static Options parse(String[] args) {
    List<String> stores = List.of("h2", "postgresql");
    int senders = 50;
    int runs = 3;
    int warmup = 5;
    int duration = 8;
    int batch = 50;
    List<Integer> writers = List.of(1, 2);
    int workers = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--stores" -> stores = List.of(v.split(",", -1));
        case "--senders" -> senders = Integer.parseInt(v);
        case "--runs" -> runs = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--duration" -> duration = Integer.parseInt(v);
        case "--batch" -> batch = Integer.parseInt(v);
        case "--raw-writers" ->
            writers = Stream.of(v.split(",", -1)).map(Integer::valueOf).toList();
        case "--workers" -> workers = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    return new Options(stores, senders, runs, warmup, duration, batch, writers, workers);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
