package dev.hookc.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaSourceDefinitionTest {
  private static final JsonNode CONFIG = Json.mapper().createObjectNode().put("client", "recv");

  private static Setting env(String name) {
    return new Setting("<% env." + name + " %>", (config, env) -> env.apply(name));
  }

  @Test
  void resolvesBrokersSplittingCommasAndKeepsPropertiesAsWritten() {
    KafkaSourceDefinition definition =
        new KafkaSourceDefinition(
            "kafka",
            List.of(env("BROKERS"), Setting.literal("c:3")),
            Optional.of(new Setting("<% config.client %>", (c, e) -> c.at("/client").asText(null))),
            Map.of("security.protocol", Setting.literal("SSL")));
    List<String> problems = new ArrayList<>();

    KafkaSettings settings =
        definition
            .resolve(CONFIG, n -> n.equals("BROKERS") ? "a:1, b:2" : null, problems)
            .orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(settings.clientProperties())
        .containsExactly(
            Map.entry("bootstrap.servers", "a:1,b:2,c:3"),
            Map.entry("client.id", "recv"),
            Map.entry("security.protocol", "SSL"));
  }

  @Test
  void reportsEveryValueNotSetByItsExpressionAndNeverShowsALiteral() {
    KafkaSourceDefinition definition =
        new KafkaSourceDefinition(
            "kafka",
            List.of(env("BROKERS")),
            Optional.empty(),
            Map.of("sasl.jaas.config", env("KAFKA_JAAS"), "ssl.key.password", Setting.literal("")));
    List<String> problems = new ArrayList<>();

    assertThat(definition.resolve(CONFIG, n -> null, problems)).isEmpty();

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "kafka event source kafka: 'brokers' reads <% env.BROKERS %>, which is not set",
            "kafka event source kafka: 'sasl.jaas.config' reads <% env.KAFKA_JAAS %>, which is not"
                + " set",
            "kafka event source kafka: 'ssl.key.password' reads a literal, which is not set");
  }

  @Test
  void namesAKafkaDatasourceAsADatasourceInEveryMessage() {
    KafkaSourceDefinition bus =
        KafkaSourceDefinition.datasource(
            "bus", List.of(env("BUS_BROKERS")), Optional.empty(), Map.of());
    List<String> problems = new ArrayList<>();

    assertThat(bus.resolve(CONFIG, n -> null, problems)).isEmpty();
    assertThat(problems)
        .containsExactly(
            "kafka datasource bus: 'brokers' reads <% env.BUS_BROKERS %>, which is not set");
    assertThat(bus.resolve(CONFIG, n -> "a:1", problems).orElseThrow().label())
        .isEqualTo("kafka datasource bus");
    assertThat(
            new KafkaSourceDefinition(
                    "kafka", List.of(Setting.literal("a:1")), Optional.empty(), Map.of())
                .resolve(CONFIG, n -> null, problems)
                .orElseThrow()
                .label())
        .isEqualTo("kafka event source kafka");
  }

  @Test
  void anApplicationWithoutHookcKafkaNamesEachKafkaSourceAsItWasDeclared() {
    Assembly assembly =
        Assembly.of(config -> Json.mapper().createObjectNode(), startup -> List.of())
            .store(null, null)
            .kafkaSource(
                new KafkaSourceDefinition(
                    "kafka", List.of(Setting.literal("a:1")), Optional.empty(), Map.of()))
            .kafkaSource(
                KafkaSourceDefinition.datasource(
                    "bus", List.of(Setting.literal("a:1")), Optional.empty(), Map.of()));

    assertThatThrownBy(() -> assembly.builder().build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "the project has kafka event source kafka, kafka datasource bus but"
                            + " hookc-kafka is not on the class path: add the dependency"
                            + " dev.hookc:hookc-kafka"));
    assertThatThrownBy(
            () ->
                assembly.kafkaSource(
                    KafkaSourceDefinition.datasource(
                        "kafka", List.of(Setting.literal("b:2")), Optional.empty(), Map.of())))
        .hasMessage("kafka datasource kafka declared twice: also as the kafka event source kafka");
  }
}
