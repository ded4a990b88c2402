package dev.hookc.runtime;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.store.JdbcStore;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's life leaves nothing behind: after start and close, again and again, and after a
 * start that fails at any step, no thread it started is alive and no connection to its store is
 * open.
 */
@Timeout(30)
class HostileApplicationTest {
  @TempDir Path data;

  @BeforeEach
  void forget() {
    TestProject.PROCESSED.clear();
  }

  @Test
  void twentyStartAndCloseCyclesLeaveNoThreadAndNoConnectionBehind() throws Exception {
    Set<Thread> before = liveThreads();
    for (int cycle = 0; cycle < 20; cycle++) {
      try (Application app = TestProject.configured(data).build().start()) {
        assertThat(post(app, "/idempotent", "Idempotency-Key: key-" + cycle)).isEqualTo(200);
        assertThat(post(app, "/async", "webhook-id: delivery-" + cycle)).isEqualTo(202);
        assertThat(TestProject.PROCESSED.poll(10, SECONDS)).isEqualTo("delivery-" + cycle);
        if (cycle == 0) {
          // What is counted afterwards is there while the application runs.
          assertThat(names(started(before))).contains("hookc-inbox-POST /async");
          assertThat(storeSessions()).isGreaterThan(1);
        }
      }
    }

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(storeSessions()).as("sessions but the one counting").isEqualTo(1);
  }

  @Test
  void buildWithSecretsMissingStartsNothing() {
    Set<Thread> before = liveThreads();

    assertThatThrownBy(
            () ->
                TestProject.builder()
                    .dataDirectory(data)
                    .environment("TEST_SIGNING_SECRET", null)
                    .environment("TEST_GITHUB_SECRET", null)
                    .environment("TEST_ADMIN_TOKEN", null)
                    .build())
        .isInstanceOf(ApplicationSettingsException.class);

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(data.resolve("hookc.mv.db")).doesNotExist();
  }

  @Test
  void buildWithAShortAdminTokenStartsNothing() {
    Set<Thread> before = liveThreads();

    assertThatThrownBy(
            () -> TestProject.configured(data).environment("TEST_ADMIN_TOKEN", "short").build())
        .isInstanceOf(ApplicationSettingsException.class)
        .hasMessageContaining("at least 16 characters");

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(data.resolve("hookc.mv.db")).doesNotExist();
  }

  @Test
  void aStartOnAPortInUseClosesTheStoreAndTheInboxItOpened() throws Exception {
    Set<Thread> before = liveThreads();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Application app = TestProject.configured(data).port(taken.getLocalPort()).build();

      assertThatThrownBy(app::start).isInstanceOf(UncheckedIOException.class);
    }

    assertThat(names(leftAlive(before))).isEmpty();
    // The store was opened, and migrated, before the port was found taken.
    assertThat(data.resolve("hookc.mv.db")).exists();
    assertThat(storeSessions()).isEqualTo(1);
  }

  @Test
  void aStartWhoseFunctionCannotBeMadeClosesWhatItOpenedBefore() throws Exception {
    Set<Thread> before = liveThreads();
    Application app = TestProject.configured(data).config("greeting.broken", true).build();

    assertThatThrownBy(app::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the function Greeting could not be made: java.sql.SQLException: the greeting's"
                + " database cannot be reached")
        .hasCauseInstanceOf(java.sql.SQLException.class);

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(storeSessions()).isEqualTo(1);
    assertThatThrownBy(app::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static int post(Application app, String path, String header) throws Exception {
    try (RawConnection connection = RawConnection.open(app.port())) {
      return connection
          .send(
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + header
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .read()
          .status();
    }
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  private static Set<Thread> started(Set<Thread> before) {
    Set<Thread> now = liveThreads();
    now.removeAll(before);
    return now;
  }

  /** The threads started since {@code before} that are still alive after a while to end. */
  private static Set<Thread> leftAlive(Set<Thread> before) {
    Set<Thread> started = started(before);
    for (Thread thread : started) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return started.stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  private static List<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).sorted().toList();
  }

  /**
   * The sessions of the embedded store's database, this one's included. Connects without the
   * store's settings, and shuts the database down again if this connection opened it, so that
   * counting leaves nothing open either.
   */
  private int storeSessions() throws Exception {
    String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("hookc") + ";IFEXISTS=TRUE";
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      int sessions;
      try (ResultSet count =
          statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
        count.next();
        sessions = count.getInt(1);
      }
      if (sessions == 1) {
        statement.execute("SHUTDOWN");
      }
      return sessions;
    }
  }

  static {
    // Loaded before any baseline is taken, with the drivers it registers.
    JdbcStore.check("jdbc:h2:mem:");
  }
}
