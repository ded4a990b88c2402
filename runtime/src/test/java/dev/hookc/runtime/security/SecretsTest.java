package dev.hookc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final Map<String, String> ENV = Map.of("ORDERS_SECRET", "from-env", "EMPTY", "");

  @Test
  void readsSecretsFromConfigAndEnvironment() throws Exception {
    var config = Json.mapper().readTree("{\"orders\":{\"webhook_secret\":\"from-config\"}}");
    assertThat(
            Secrets.resolve(
                "POST /o",
                config,
                ENV::get,
                "config.orders.webhook_secret",
                "env.ORDERS_SECRET",
                "value:config.x"))
        .containsExactly("from-config", "from-env", "config.x");
  }

  @Test
  void refusesToStartWhenASecretIsMissingOrEmpty() throws Exception {
    var config = Json.mapper().readTree("{\"orders\":{\"webhook_secret\":\"\"}}");
    assertThatThrownBy(
            () -> Secrets.resolve("POST /o", config, ENV::get, "config.orders.webhook_secret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'config.orders.webhook_secret'")
        .hasMessageContaining("POST /o");
    assertThatThrownBy(() -> Secrets.resolve("POST /o", config, ENV::get, "config.other.secret"))
        .hasMessageContaining("missing or empty");
    assertThatThrownBy(() -> Secrets.resolve("POST /o", config, ENV::get, "env.EMPTY"))
        .hasMessageContaining("'env.EMPTY'");
    assertThatThrownBy(() -> Secrets.resolve("POST /o", config, ENV::get, "env.UNSET"))
        .hasMessageContaining("'env.UNSET'");
    assertThatThrownBy(() -> Secrets.resolve("POST /o", config, ENV::get, "value:"))
        .hasMessageContaining("missing or empty");
  }
}
