package dev.hookc.compiler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka event sources of src/eventsources (HC2110–HC2112), by code, line and column; a right
 * one compiles into the application's builder.
 */
class EventSourceDiagnosticsTest {
  private static final String EVENT = "http.post./ping:\n  fn: ping\n  authn: false\n";
  private static final String WORKFLOW =
      "id: ping\ntasks:\n  - id: respond\n    args: {statusCode: 200}\n";

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/events/ping.yaml", EVENT)
            .file("src/functions/ping.yaml", WORKFLOW);
  }

  private CompileResult source(String name, String yaml) {
    return project.file("src/eventsources/" + name, yaml).compile();
  }

  @Test
  void compilesASourceWithEveryKeyIntoTheApplicationsBuilder() {
    CompileResult result =
        source(
            "kafka.yaml",
            "type: kafka\n"
                + "brokers: [<% env.KAFKA_BROKERS %>, 'b2:9092,b3:9092']\n"
                + "client_id: <% config.kafka.client %>\n"
                + "properties:\n"
                + "  security.protocol: SASL_SSL\n"
                + "  sasl.jaas.config: <% env.KAFKA_JAAS %>\n");

    assertThat(result.diagnostics()).isEmpty();
    String application = TestProject.generated(result, "HookcApplication.java");
    assertThat(application)
        .contains(".kafkaSource(kafkaEventSource())")
        .contains("env.apply(\"KAFKA_BROKERS\")")
        .contains("Setting.literal(\"b2:9092,b3:9092\")")
        .contains("config.at(\"/kafka/client\")")
        .contains("Map.entry(\"security.protocol\", Setting.literal(\"SASL_SSL\"))");
  }

  @Test
  void acceptsGodspeedsSpellings() {
    CompileResult result =
        source("bus.yaml", "type: kafka\nbootstrap_servers: localhost:9092\nclientId: receiver\n");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsAnUnknownKeyWithAHint() {
    CompileResult result = source("kafka.yaml", "type: kafka\nbrokers: a:1\nclient_di: x\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2110@3:1");
    assertThat(result.diagnostics().get(0).hint().orElseThrow()).contains("client_id");
  }

  @Test
  void reportsMissingBrokersAtTheType() {
    CompileResult result = source("kafka.yaml", "# brokers come later\ntype: kafka\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2111@2:7");
  }

  @Test
  void reportsAnExpressionThatIsNeitherConfigNorEnv() {
    CompileResult result =
        source("kafka.yaml", "type: kafka\nbrokers:\n  - a:1\n  - <% inputs.body.broker %>\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2111@4:5");
  }

  @Test
  void reportsABrokerThatIsNotHostAndPort() {
    CompileResult result = source("kafka.yaml", "type: kafka\nbrokers: 'a:1,localhost'\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2111@2:10");
  }

  @Test
  void reportsPropertiesThatAreNotAMappingOfKafkaProperties() {
    CompileResult result =
        source(
            "kafka.yaml",
            "type: kafka\nbrokers: a:1\nproperties:\n  Security Protocol: SSL\n  acks: [all]\n");

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2111@4:3", "HC2111@5:9");
  }

  @Test
  void reportsBothSpellingsOfOneSetting() {
    CompileResult result =
        source("kafka.yaml", "type: kafka\nbrokers: a:1\nbootstrap_servers: b:2\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC2111@3:1");
  }

  @Test
  void reportsASourceWithoutTypeOrOfAnUnknownType() {
    project.file("src/eventsources/bus.yaml", "brokers: a:1\n");
    CompileResult result = source("queue.yaml", "type: rabbitmq\n");

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC2112@1:1", "HC2112@1:7");
  }
}
