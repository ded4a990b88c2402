package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications that do not behave: one that ignores SIGTERM, one that talks while it stops, one
 * that exits by itself, one that never says it serves. The supervision must stay bounded in time
 * and lose no line.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileChildApplicationTest {
  @TempDir static Path classes;

  @BeforeAll
  static void compileApplications() throws IOException {
    source(
        "Stubborn",
        """
        public final class Stubborn {
          public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
              System.out.println("not stopping");
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }));
            System.out.println("hookc: serving 1 route on http://localhost:1");
            Thread.sleep(Long.MAX_VALUE);
          }
        }
        """);
    source(
        "Talkative",
        """
        public final class Talkative {
          public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
              for (int i = 0; i < 1000; i++) {
                System.out.println("stopping " + i);
              }
              System.out.println("stopped");
            }));
            System.out.println("hookc: serving 1 route on http://localhost:2");
            Thread.sleep(Long.MAX_VALUE);
          }
        }
        """);
    source(
        "Failing",
        """
        public final class Failing {
          public static void main(String[] args) {
            System.out.println("cannot start");
            System.exit(3);
          }
        }
        """);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, sources().toArray(String[]::new));
    assertThat(status).isZero();
  }

  @Test
  void killsAnApplicationThatIgnoresSigtermOnceTheGraceIsOver() throws Exception {
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    ChildApplication application =
        ChildApplication.start(command("Stubborn"), output::add, s -> {});
    assertThat(application.awaitServing(Duration.ofSeconds(20))).isTrue();

    long start = System.nanoTime();
    application.stop(Duration.ofSeconds(1));

    assertThat(application.isAlive()).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    assertThat(output).contains("not stopping");
  }

  @Test
  void passesOnEveryLineTheApplicationPrintsWhileItStops() throws Exception {
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    ChildApplication application =
        ChildApplication.start(command("Talkative"), output::add, s -> {});
    assertThat(application.awaitServing(Duration.ofSeconds(20))).isTrue();
    assertThat(application.port()).isEqualTo(2);

    application.stop(Duration.ofSeconds(10));

    assertThat(output).hasSize(1002).endsWith("stopped");
  }

  @Test
  void reportsTheStatusOfAnApplicationThatExitsByItself() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> ownExit = new CompletableFuture<>();
    ChildApplication application =
        ChildApplication.start(command("Failing"), lines::add, ownExit::complete);

    assertThat(application.awaitServing(Duration.ofSeconds(20))).isFalse();
    assertThat(ownExit.get(20, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(lines).containsExactly("cannot start");
  }

  @Test
  void endsARunOnceWithTheStatusOfItsApplication() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    RunSession session =
        new RunSession(
            command("Failing"),
            null,
            new RunSession.Console(lines::add, lines::add, lines::add, lines::add),
            Duration.ofSeconds(5));
    try {
      session.start();

      assertThat(session.awaitExit()).isEqualTo(3);
      // Without watching, the goal reports the exit, not the session.
      assertThat(lines).containsExactly("cannot start");
    } finally {
      session.close();
    }
  }

  private static ChildApplication.Command command(String mainClass) {
    return new ChildApplication.Command(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"),
        List.of(classes.resolve("out")),
        mainClass,
        classes,
        Map.of());
  }

  private static void source(String name, String text) throws IOException {
    Files.createDirectories(classes.resolve("src"));
    Files.writeString(classes.resolve("src").resolve(name + ".java"), text);
  }

  private static List<String> sources() throws IOException {
    List<String> arguments =
        new ArrayList<>(List.of("--release", "17", "-d", classes.resolve("out").toString()));
    try (var files = Files.list(classes.resolve("src"))) {
      files.map(Path::toString).forEach(arguments::add);
    }
    return arguments;
  }
}
