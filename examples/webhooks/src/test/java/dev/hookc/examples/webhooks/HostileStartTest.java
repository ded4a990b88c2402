package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.ApplicationSettingsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's application refused at start-up — a secret missing, the admin token too short — has
 * started nothing: no inbox worker polls, no store is open, no file was created.
 */
@Timeout(30)
class HostileStartTest {
  @TempDir Path data;

  @Test
  void startsNoInboxWorkerAndOpensNoStoreWhenASecretIsMissing() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

    assertThatThrownBy(
            () ->
                SignedWebhooksExampleTest.builder(data)
                    .config("stripe.webhook_secret", "")
                    .environment("HOOKC_ADMIN_TOKEN", "too-short")
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains("config.stripe.webhook_secret"))
                    .anySatisfy(p -> assertThat(p).contains("admin token")));

    assertThat(startedSince(before)).isEmpty();
    assertThat(data.resolve("hookc.mv.db")).doesNotExist();
  }

  @Test
  void mainPrintsEveryProblemWithoutAStackTraceAndExitsWithStatusOne() throws Exception {
    // The run command as a deployment runs it, in a JVM of its own, with no secret set.
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HookcApplication.class.getName())
            .redirectErrorStream(true);
    command.environment().clear();
    command.environment().put("PORT", "0");
    command.environment().put("HOOKC_DATA_DIR", data.toString());
    Process main = command.start();

    String output = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(main.waitFor()).as(output).isEqualTo(1);
    assertThat(output)
        .startsWith("hookc: the application cannot start: ")
        .contains("config.stripe.webhook_secret", "env.HOOKC_EXAMPLE_GITHUB_SECRET")
        .doesNotContain("\tat ", "Exception in thread");
    assertThat(data.resolve("hookc.mv.db")).doesNotExist();
  }

  private static List<String> startedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> name.startsWith("hookc"))
        .sorted()
        .collect(Collectors.toList());
  }
}
