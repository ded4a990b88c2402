package dev.hookc.compiler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of publish tasks, {@code fn: datasource.<kafka>.publish} (HC2140–HC2148, HC2113), and
 * of kafka datasources read by the event sources' reader, by code, line and column.
 */
class PublishDiagnosticsTest {
  private static final String SOURCE = "type: kafka\nbrokers: <% env.KAFKA_BROKERS %>\n";
  private static final String EVENT =
      "http.post./pay:\n"
          + "  fn: pay\n"
          + "  authn: false\n"
          + "  body:\n"
          + "    content:\n"
          + "      application/json:\n"
          + "        schema:\n"
          + "          type: object\n"
          + "          properties:\n"
          + "            id: {type: string}\n"
          + "            amount: {type: integer}\n";

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/datasources/bus.yaml", SOURCE)
            .file("src/events/pay.yaml", EVENT);
  }

  /** The workflow {@code pay}, whose task {@code announce} (line 3) calls {@code fn} (line 4). */
  private CompileResult publish(String fn, String args) {
    return project
        .file(
            "src/functions/pay.yaml",
            "id: pay\n" // 1
                + "tasks:\n" // 2
                + "  - id: announce\n" // 3
                + "    fn: "
                + fn
                + "\n" // 4
                + args) // 5-
        .compile();
  }

  private static String args(String... lines) {
    StringBuilder args = new StringBuilder("    args:\n"); // 5
    for (String line : lines) {
      args.append("      ").append(line).append('\n'); // 6-
    }
    return args.toString();
  }

  @Test
  void compilesAPublishWithEveryArgOnAKafkaDatasource() {
    CompileResult result =
        publish(
            "datasource.bus.publish",
            args(
                "topic: payment.booked",
                "message: {id: <% inputs.body.id %>, amount: <% inputs.body.amount %>}",
                "key: <% inputs.body.amount %>",
                "headers: {x-id: <% inputs.body.id %>, x-source: payments}",
                "timeout: 2s"));

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void compilesAPublishOnAKafkaEventSourceWithATopicExpression() {
    project.file("src/eventsources/events.yaml", SOURCE);

    CompileResult result =
        publish(
            "datasource.events.publish",
            args("topic: <% 'audit-' + inputs.body.id %>", "message: <% inputs.body %>"));

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsAnUnknownKafkaSourceAtItsNameWithTheKnownOnes() {
    CompileResult result =
        publish("datasource.bsu.publish", args("topic: t", "message: <% inputs.body %>"));

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2140@4:20");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("bus");
  }

  @Test
  void reportsANameThatIsBothAnEventSourceAndADatasourceAtTheDatasource() {
    project.file("src/eventsources/bus.yaml", SOURCE);

    CompileResult result =
        publish("datasource.bus.publish", args("topic: t", "message: <% inputs.body %>"));

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2141@1:7");
    assertThat(result.diagnostics().get(0).location().file()).isEqualTo("src/datasources/bus.yaml");
  }

  @Test
  void reportsAnOperationOtherThanPublishAtTheOperation() {
    CompileResult result =
        publish("datasource.bus.send", args("topic: t", "message: <% inputs.body %>"));

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2142@4:24");
  }

  @Test
  void reportsAnUnknownArgAndTheMissingMessage() {
    CompileResult result =
        publish("datasource.bus.publish", args("topic: t", "mesage: <% inputs.body %>"));

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2145@6:7", "HC2143@7:7");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("message");
  }

  @Test
  void reportsArgsThatAreNotAMapping() {
    CompileResult result = publish("datasource.bus.publish", "    args: [t, m]\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2143@5:11");
  }

  @Test
  void reportsAMissingTopicAndNoArgsAtAll() {
    assertThat(publish("datasource.bus.publish", args("message: <% inputs.body %>")).diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2144@6:7");
    assertThat(publish("datasource.bus.publish", "").diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2144@4:9");
  }

  @Test
  void reportsATopicKafkaRefusesAndATopicThatIsNotAString() {
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args("topic: payment booked", "message: <% inputs.body %>"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2144@6:14");
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args("topic: <% inputs.body.amount %>", "message: <% inputs.body %>"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2144@6:14");
  }

  @Test
  void reportsAKeyThatIsNeitherAStringNorANumber() {
    CompileResult result =
        publish(
            "datasource.bus.publish",
            args("topic: t", "message: <% inputs.body %>", "key: <% inputs.body %>"));

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2146@8:12");
  }

  @Test
  void reportsHeadersThatAreNotAMappingOfStrings() {
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args("topic: t", "message: <% inputs.body %>", "headers: [x-id]"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2147@8:16");
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args(
                        "topic: t",
                        "message: <% inputs.body %>",
                        "headers: {x-amount: <% inputs.body.amount %>}"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2147@8:27");
  }

  @Test
  void reportsATimeoutThatIsNotAPositiveDuration() {
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args("topic: t", "message: <% inputs.body %>", "timeout: soon"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2148@8:16");
    assertThat(
            publish(
                    "datasource.bus.publish",
                    args("topic: t", "message: <% inputs.body %>", "timeout: 0s"))
                .diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2148@8:16");
  }

  @Test
  void reportsAPublishInsideATransactionAtTheTask() {
    project.file("src/datasources/db.yaml", "type: jdbc\nstatements:\n  ping: SELECT 1 AS one\n");

    CompileResult result =
        publish(
            "datasource.db.transaction",
            "    tasks:\n" // 5
                + "      - id: ping\n" // 6
                + "        fn: datasource.db.ping\n" // 7
                + "      - id: send\n" // 8
                + "        fn: datasource.bus.publish\n" // 9
                + "        args: {topic: t, message: <% inputs.body %>}\n"); // 10

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC6108@8:9");
  }

  @Test
  void readsAKafkaDatasourceWithTheEventSourcesChecks() {
    project.file("src/datasources/bus.yaml", "type: kafka\nbrokers: a:1\nclient_di: x\n");

    CompileResult result =
        publish("datasource.bus.publish", args("topic: t", "message: <% inputs.body %>"));

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2110@3:1");
    assertThat(result.diagnostics().get(0).message()).contains("kafka datasource");
  }

  @Test
  void reportsTheMissingModuleAtTheKafkaDatasource() {
    project.file(
        "src/functions/pay.yaml",
        "id: pay\ntasks:\n  - id: announce\n    fn: datasource.bus.publish\n"
            + "    args: {topic: t, message: <% inputs.body %>}\n");
    CompileResult result = project.compileWithoutKafkaModule();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2113@1:7");
    assertThat(result.diagnostics().get(0).location().file()).isEqualTo("src/datasources/bus.yaml");
  }
}
