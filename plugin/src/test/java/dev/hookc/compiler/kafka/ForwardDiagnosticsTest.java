package dev.hookc.compiler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of an async event's {@code forward: {kafka: ...}} (HC2130–HC2133, and HC4009 on a
 * record key), by code, line and column; a right one compiles into the inbox's forward.
 */
class ForwardDiagnosticsTest {
  private static final String SOURCE = KafkaYaml.SOURCE;
  private static final String WORKFLOW =
      "id: ship\ntasks:\n  - id: done\n    args: {statusCode: 200}\n";
  private static final String HEAD = KafkaYaml.signedEvent("/shipments", "async");

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/eventsources/kafka.yaml", SOURCE)
            .file("src/functions/ship.yaml", WORKFLOW);
  }

  private CompileResult events(String rest) {
    return project.file("src/events/shipments.yaml", HEAD + rest).compile();
  }

  private static String application(CompileResult result) {
    return TestProject.generated(result, "HookcApplication.java");
  }

  @Test
  void compilesAForwardOnlyRouteWithoutFnIntoTheInboxsForward() {
    CompileResult result =
        events(
            "  forward:\n"
                + "    kafka: {topic: shipments, key: <% inputs.body.id %>, headers: [Webhook-Id]}\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result))
        .contains("InboxForward.to(startup.kafka(\"kafka\"), \"kafka\", \"shipments\")")
        .contains(".route(\"POST /shipments\")")
        .contains(".authn(\"standard-webhooks\")")
        .contains(".key(KafkaHandoff.bodyKey(\"id\"))")
        .contains(".headers(\"webhook-id\")")
        .doesNotContain(".run(true)");
  }

  @Test
  void compilesARouteThatForwardsAndRuns() {
    CompileResult result =
        events("  fn: ship\n  forward:\n    kafka: {topic: shipments}\n    run: true\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result))
        .contains(".run(true)")
        .contains("new PostShipmentsController(wiring)");
  }

  @Test
  void reportsAForwardOnARouteThatIsNotAsync() {
    CompileResult result =
        project
            .file(
                "src/events/shipments.yaml",
                HEAD.replace("  delivery: async\n", "  fn: ship\n")
                    + "  forward: {kafka: {topic: shipments}}\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2130@14:3");
  }

  @Test
  void reportsAnUnknownSettingAMissingTopicAndABadTopic() {
    assertThat(
            events("  forward:\n    kafka: {key: <% inputs.body.id %>}\n    runs: true\n")
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2130@15:12", "HC2130@16:5");
    assertThat(events("  forward:\n    kafka: {topic: 'no spaces'}\n").diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2130@15:20");
  }

  @Test
  void reportsAnUnknownSourceWithAHint() {
    CompileResult result =
        events("  forward:\n    kafka:\n      topic: shipments\n      source: kafak\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2131@17:15");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("kafka");
  }

  @Test
  void reportsAForwardWhenTheProjectHasNoKafkaSource() {
    CompileResult result =
        new TestProject(root.resolve("bare"))
            .file("src/events/shipments.yaml", HEAD + "  forward: {kafka: {topic: shipments}}\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2131@14:3");
  }

  @Test
  void reportsAKeyThatIsNotOneValueOfTheRequest() {
    CompileResult result =
        events("  forward:\n    kafka:\n      topic: shipments\n      key: <% inputs.body %>\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2132@17:12");
  }

  @Test
  void reportsAKeyOnAPropertyTheClosedSchemaDoesNotHave() {
    CompileResult result =
        events(
            "  forward:\n    kafka:\n      topic: shipments\n      key: <% inputs.body.idd %>\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC4009@17:27");
  }

  @Test
  void reportsRunFalseWithAnFnAndRunTrueWithout() {
    assertThat(
            events("  fn: ship\n  forward:\n    kafka: {topic: shipments}\n    run: false\n")
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2133@17:10");
    assertThat(events("  forward:\n    kafka: {topic: shipments}\n    run: true\n").diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2133@16:10");
  }
}
