package dev.hookc.compiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.emit.GeneratedSource;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting that takes a duration warns about a number without a unit, at the number, and still
 * reads it in the unit it always had, so that no project changes behaviour.
 */
class BareDurationDiagnosticsTest {
  private static final String ACK =
      "id: ack\ntasks:\n  - id: respond\n    fn: com.gs.return\n    args: ok\n";

  @TempDir Path dir;

  private TestProject project() {
    return new TestProject(dir).file("src/functions/ack.yaml", ACK);
  }

  private static String generated(CompileResult result) {
    assertThat(result.sources()).as("generated despite the warnings").isNotEmpty();
    return result.sources().stream()
        .map(GeneratedSource::content)
        .collect(Collectors.joining("\n"));
  }

  private static String hint(CompileResult result, int index) {
    Diagnostic diagnostic = result.diagnostics().get(index);
    return diagnostic.hint().orElseThrow();
  }

  @Test
  void readsBareRetryIntervalsAsMillisecondsWithAWarningAtEach() {
    CompileResult result =
        project()
            .file("src/events/hooks.yaml", "http.post./hook:\n  fn: flaky\n")
            .file(
                "src/functions/flaky.yaml",
                """
                tasks:
                  - id: constant
                    fn: com.gs.transform
                    args: 1
                    retry: {max_attempts: 3, interval: 250}
                  - id: random
                    fn: com.gs.transform
                    args: 2
                    retry:
                      max_attempts: 2
                      type: random
                      min_interval: 10
                      max_interval: '90'
                """)
            .compile();

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC1008@5:40", "HC1008@12:21", "HC1008@13:21");
    assertThat(result.diagnostics().get(0).format())
        .contains("warning[HC1008]: 'interval' has no unit and is read in milliseconds")
        .endsWith("write '250ms'");
    assertThat(hint(result, 2)).isEqualTo("write '90ms'");
    assertThat(generated(result)).contains("constant(3, 250L)").contains("random(2, 10L, 90L)");
  }

  @Test
  void readsABareAuthnToleranceAsSecondsWithAWarning() {
    CompileResult result =
        project()
            .file(
                "src/events/hooks.yaml",
                """
                http.post./hook:
                  fn: ack
                  authn:
                    stripe:
                      secret: <% env.STRIPE_SECRET %>
                      tolerance: 300
                """)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC1008@6:18");
    assertThat(result.diagnostics().get(0).message()).contains("read in seconds");
    assertThat(hint(result, 0)).isEqualTo("write '300s'");
    assertThat(generated(result)).contains("Duration.ofMinutes(5)");
  }

  @Test
  void readsABareToleranceOfTheServerWideAuthnInHttpYamlWithAWarning() {
    CompileResult result =
        project()
            .file("src/events/hooks.yaml", "http.post./hook:\n  fn: ack\n  authn: true\n")
            .file(
                "src/eventsources/http.yaml",
                """
                type: express
                authn:
                  jwt:
                    secret: <% env.JWT_SECRET %>
                    tolerance: 30
                """)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC1008@5:16");
    assertThat(result.diagnostics().get(0).location().file())
        .isEqualTo("src/eventsources/http.yaml");
    assertThat(hint(result, 0)).isEqualTo("write '30s'");
    assertThat(generated(result)).contains("Duration.ofSeconds(30)");
  }

  @Test
  void readsABareIdempotencyTtlAsSecondsWithAWarning() {
    CompileResult result =
        project()
            .file(
                "src/events/hooks.yaml",
                """
                http.post./hook:
                  fn: ack
                  idempotency:
                    key: <% inputs.headers['x-request-id'] %>
                    ttl: 86400
                """)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC1008@5:10");
    assertThat(hint(result, 0)).isEqualTo("write '86400s'");
    assertThat(generated(result)).contains("Duration.ofDays(1)");
  }

  @Test
  void readsBareAsyncBackoffsAsSecondsWithAWarningAtEach() {
    CompileResult result =
        project()
            .file(
                "src/events/hooks.yaml",
                """
                http.post./hook:
                  fn: ack
                  delivery: async
                  retry:
                    max_attempts: 4
                    backoff: 2
                    max_backoff: 60
                """)
            .compile();

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC1008@6:14", "HC1008@7:18");
    assertThat(hint(result, 1)).isEqualTo("write '60s'");
    assertThat(generated(result)).contains("Duration.ofSeconds(2)").contains("ofMinutes(1)");
  }

  @Test
  void acceptsEverySettingWithUnitsWithoutAWarning() {
    CompileResult result =
        project()
            .file(
                "src/events/hooks.yaml",
                """
                http.post./hook:
                  fn: flaky
                  authn:
                    standard-webhooks:
                      secret: <% env.WEBHOOK_SECRET %>
                      tolerance: PT5M
                  idempotency:
                    key: <% inputs.delivery.id %>
                    ttl: 3d
                http.post./later:
                  fn: ack
                  delivery: async
                  retry: {max_attempts: 4, backoff: 500ms, max_backoff: 1h}
                """)
            .file(
                "src/functions/flaky.yaml",
                """
                tasks:
                  - id: once
                    fn: com.gs.transform
                    args: 1
                    retry: {max_attempts: 3, type: exponential, interval: PT0.2S, max_interval: 2s}
                """)
            .compile();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(generated(result))
        .contains("exponential(3, 200L, 2000L)")
        .contains("Duration.ofDays(3)")
        .contains("Duration.ofMillis(500)");
  }

  @Test
  void reportsAnInvalidDurationWithTheErrorOfItsSetting() {
    CompileResult result =
        project()
            .file(
                "src/events/hooks.yaml",
                """
                http.post./hook:
                  fn: flaky
                  idempotency:
                    key: <% inputs.headers['x-request-id'] %>
                    ttl: a day
                """)
            .file(
                "src/functions/flaky.yaml",
                """
                tasks:
                  - id: once
                    fn: com.gs.transform
                    args: 1
                    retry: {max_attempts: 3, interval: -5ms}
                """)
            .compile();

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactlyInAnyOrder("HC2603@5:10", "HC3602@5:40");
  }
}
