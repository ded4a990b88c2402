package dev.hookc.compiler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@code delivery: kafka} events (HC2113–HC2117, and HC4032 on a record key), by
 * code, line and column.
 */
class KafkaHandoffDiagnosticsTest {
  private static final String SOURCE = KafkaYaml.SOURCE;
  private static final String HEAD = KafkaYaml.signedEvent("/hooks", "kafka");

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project = new TestProject(root).file("src/eventsources/kafka.yaml", SOURCE);
  }

  private CompileResult events(String kafka) {
    return project.file("src/events/hooks.yaml", HEAD + kafka).compile();
  }

  @Test
  void compilesAKeyedHandoffWithoutFn() {
    CompileResult result =
        events("  kafka:\n    topic: hooks\n    key: <% inputs.body.id %>\n    timeout: 2s\n");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsAMissingKafkaBlockAtTheDelivery() {
    assertThat(events("").diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2114@2:13");
  }

  @Test
  void reportsAMissingTopicAnUnknownKeyAndABadTimeout() {
    CompileResult result = events("  kafka:\n    topik: hooks\n    timeout: 10m\n");

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2114@15:5", "HC2114@15:5", "HC2114@16:14");
  }

  @Test
  void reportsATopicNameKafkaRefuses() {
    CompileResult result = events("  kafka:\n    topic: stripe events\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2114@15:12");
  }

  @Test
  void reportsAKafkaBlockOnAnEventThatIsNotHandedToKafka() {
    CompileResult result =
        project
            .file(
                "src/events/hooks.yaml",
                "http.post./hooks:\n  fn: ping\n  authn: false\n  kafka:\n    topic: hooks\n")
            .file(
                "src/functions/ping.yaml",
                "id: ping\ntasks:\n  - id: r\n    args: {statusCode: 200}\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2114@4:3");
  }

  @Test
  void reportsAnFnOnAHandoff() {
    CompileResult result =
        project
            .file(
                "src/events/hooks.yaml",
                "http.post./hooks:\n  fn: record\n  delivery: kafka\n  authn: false\n"
                    + "  kafka: {topic: hooks}\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2117@2:3");
  }

  @Test
  void reportsAKeyThatIsNotOneValueOfTheRequest() {
    CompileResult result =
        events("  kafka:\n    topic: hooks\n    key: <% inputs.body.id + 'x' %>\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2116@16:10");
  }

  @Test
  void reportsADeliveryKeyOnAPublicRoute() {
    CompileResult result =
        project
            .file(
                "src/events/hooks.yaml",
                "http.post./hooks:\n  delivery: kafka\n  authn: false\n"
                    + "  kafka:\n    topic: hooks\n    key: <% inputs.delivery.id %>\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2116@6:20");
  }

  @Test
  void reportsAKeyOnAPropertyTheClosedSchemaDoesNotHave() {
    CompileResult result = events("  kafka:\n    topic: hooks\n    key: <% inputs.body.idd %>\n");

    // The schema admits no other property: an unknown one, as anywhere in an expression.
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC4009@16:25");
  }

  @Test
  void reportsAKeyOnAPropertyAnOpenSchemaDoesNotDeclare() {
    CompileResult result =
        project
            .file(
                "src/events/hooks.yaml",
                HEAD.replace("          additionalProperties: false\n", "")
                    + "  kafka:\n    topic: hooks\n    key: <% inputs.body.idd %>\n")
            .compile();

    // Where a workflow only gets a warning: a key the request never carries refuses every
    // delivery.
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC4032@15:25");
  }

  @Test
  void reportsAnUnknownSourceWithAHint() {
    CompileResult result = events("  kafka:\n    topic: hooks\n    source: kafak\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2115@16:13");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("kafka");
  }

  @Test
  void reportsAHandoffWithoutAnySource() {
    CompileResult result =
        new TestProject(root.resolve("bare"))
            .file("src/events/hooks.yaml", HEAD + "  kafka: {topic: hooks}\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2115@2:13");
  }

  @Test
  void reportsSeveralSourcesWhenTheEventNamesNone() {
    project.file("src/eventsources/audit.yaml", SOURCE);

    assertThat(events("  kafka:\n    topic: hooks\n").diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2115@15:5");
  }

  @Test
  void reportsTheMissingModuleAtTheFirstUse() {
    project.file("src/events/hooks.yaml", HEAD + "  kafka: {topic: hooks}\n");
    CompileResult result = project.compileWithoutKafkaModule();

    // The event file sorts before the event source's: src/events/ < src/eventsources/.
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2113@2:13");
  }
}
