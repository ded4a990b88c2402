package dev.hookc.compiler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka events ({@code <source>.<topic>.<group_id>}) and their mistakes, by code, line, column. */
class TopicEventDiagnosticsTest {
  private static final String WORKFLOW =
      "id: book\ntasks:\n  - id: note\n    fn: com.gs.transform\n    args: <% inputs.body.id %>\n";
  private static final String BODY =
      "  body:\n    content:\n      application/json:\n        schema:\n"
          + "          type: object\n          properties: {id: {type: string}}\n"
          + "          required: [id]\n";

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/eventsources/kafka.yaml", "type: kafka\nbrokers: localhost:9092\n")
            .file("src/functions/book.yaml", WORKFLOW);
  }

  private CompileResult events(String yaml) {
    return project.file("src/events/consumer.yaml", yaml).compile();
  }

  @Test
  void compilesAKafkaEventWithATypedBody() {
    CompileResult result = events("kafka.payments.ledger:\n  fn: book\n" + BODY);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.sources())
        .anyMatch(s -> s.path().endsWith("/events/KafkaPaymentsLedgerController.java"));
  }

  @Test
  void readsTheGroupIdAfterTheLastDotSoATopicMayHaveDots() {
    CompileResult result = events("kafka.stripe.events.billing:\n  fn: book\n" + BODY);

    assertThat(result.diagnostics()).isEmpty();
    String application = TestProject.generated(result, "HookcApplication.java");
    assertThat(application).contains("\"stripe.events\",\n").contains("\"billing\",\n");
  }

  @Test
  void typesInputsBodyFromTheSchema() {
    CompileResult result =
        project
            .file(
                "src/functions/book.yaml",
                "id: book\ntasks:\n  - id: note\n    fn: com.gs.transform\n"
                    + "    args: <% inputs.body.idd %>\n")
            .file("src/events/consumer.yaml", "kafka.payments.ledger:\n  fn: book\n" + BODY)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC4030@5:26");
  }

  @Test
  void reportsAnUnknownEventSourceWithTheKafkaSourcesAsHints() {
    CompileResult result = events("kafak.payments.ledger:\n  fn: book\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).contains("HC2001@1:1");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("kafka");
  }

  @Test
  void reportsATopicNameKafkaRefusesAtTheTopic() {
    CompileResult result = events("kafka.pay$ments.ledger:\n  fn: book\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2120@1:7");
  }

  @Test
  void reportsAMalformedGroupIdAtTheGroup() {
    CompileResult result = events("kafka.payments.led ger:\n  fn: book\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2121@1:16");
  }

  @Test
  void reportsAKeyWithoutAGroupId() {
    CompileResult result = events("kafka.payments:\n  fn: book\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2015@1:1");
  }

  @Test
  void reportsTwoEventsReadingOneTopicAsOneGroup() {
    CompileResult result =
        project
            .file("src/events/again.yaml", "\n\nkafka.payments.ledger:\n  fn: book\n")
            .file("src/events/consumer.yaml", "kafka.payments.ledger:\n  fn: book\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2122@1:1");
    assertThat(result.diagnostics().get(0).location().file()).isEqualTo("src/events/consumer.yaml");
  }

  @Test
  void reportsHttpOnlyKeysOnAKafkaEvent() {
    CompileResult result =
        events(
            "kafka.payments.ledger:\n"
                + "  fn: book\n"
                + "  authn: false\n"
                + "  responses:\n"
                + "    200: {description: ok}\n"
                + "  idempotency: {key: <% inputs.body.id %>}\n"
                + "  delivery: async\n");

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2123@3:3", "HC2123@4:3", "HC2123@6:3", "HC2123@7:3");
  }

  @Test
  void reportsAnUnknownKeyWithAHint() {
    CompileResult result = events("kafka.payments.ledger:\n  fn: book\n  dead_leter: x.dlq\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2006@3:3");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("dead_letter");
  }

  @Test
  void reportsABadDeadLetterTopicAndRetry() {
    CompileResult result =
        events(
            "kafka.payments.ledger:\n"
                + "  fn: book\n"
                + "  dead_letter: payments\n"
                + "  retry: {max_attempts: 0, backof: 1s}\n");

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2124@3:16", "HC2124@4:25", "HC2124@4:28");
  }

  @Test
  void reportsADeadLetterTopicKafkaRefuses() {
    CompileResult result =
        events("kafka.payments.ledger:\n  fn: book\n  dead_letter: 'payments dlq'\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2120@3:16");
  }

  @Test
  void reportsAFormBodyOnAKafkaEvent() {
    CompileResult result =
        events(
            "kafka.payments.ledger:\n  fn: book\n  body:\n    content:\n"
                + "      application/x-www-form-urlencoded:\n        schema: {type: object}\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2123@4:5");
  }

  @Test
  void keepsHttpEventsOfTheSameNameApart() {
    CompileResult result =
        events(
            "kafka.payments.ledger:\n  fn: book\n"
                + "http.post./payments:\n  fn: book\n  authn: false\n");

    assertThat(result.diagnostics()).isEmpty();
  }
}
