package dev.hookc.runtime.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectConfigTest {
  private static final String DEFAULTS =
      "{\"greeting\":\"hi\",\"db\":{\"host\":\"localhost\",\"port\":5432}}";
  private static final Map<String, String> ENVIRONMENTS =
      Map.of("production", "{\"db\":{\"host\":\"db.internal\"}}");
  private static final String VARIABLES =
      "{\"greeting\":\"GREETING\",\"db\":{\"port\":{\"__name\":\"DB_PORT\",\"__format\":\"number\"}}}";

  @Test
  void usesTheDefaultsWithoutAnEnvironment() throws Exception {
    JsonNode config = ProjectConfig.load(DEFAULTS, ENVIRONMENTS, VARIABLES, Map.of());

    assertThat(config).isEqualTo(json(DEFAULTS));
  }

  @Test
  void mergesTheFileHookcEnvNamesKeyByKey() throws Exception {
    JsonNode config =
        ProjectConfig.load(DEFAULTS, ENVIRONMENTS, VARIABLES, Map.of("HOOKC_ENV", "production"));

    assertThat(config)
        .isEqualTo(json("{\"greeting\":\"hi\",\"db\":{\"host\":\"db.internal\",\"port\":5432}}"));
  }

  @Test
  void letsMappedEnvironmentVariablesOverrideEverything() throws Exception {
    JsonNode config =
        ProjectConfig.load(
            DEFAULTS,
            ENVIRONMENTS,
            VARIABLES,
            Map.of("HOOKC_ENV", "production", "GREETING", "hello", "DB_PORT", "6543"));

    assertThat(config.get("greeting").asText()).isEqualTo("hello");
    assertThat(config.get("db").get("port").isNumber()).isTrue();
    assertThat(config.get("db").get("port").asInt()).isEqualTo(6543);
    assertThat(config.get("db").get("host").asText()).isEqualTo("db.internal");
  }

  @Test
  void ignoresEmptyVariablesAsNodeConfigDoes() throws Exception {
    JsonNode config = ProjectConfig.load(DEFAULTS, ENVIRONMENTS, VARIABLES, Map.of("GREETING", ""));

    assertThat(config.get("greeting").asText()).isEqualTo("hi");
  }

  @Test
  void namesAVariableThatDoesNotParseInItsFormat() {
    assertThatThrownBy(
            () -> ProjectConfig.load(DEFAULTS, ENVIRONMENTS, VARIABLES, Map.of("DB_PORT", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DB_PORT")
        .hasMessageContaining("many");
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }
}
