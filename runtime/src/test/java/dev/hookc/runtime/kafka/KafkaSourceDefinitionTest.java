package dev.hookc.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
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
}
