package dev.hookc.runtime.internal.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A datasource setting as its YAML writes it: a literal, or an expression over {@code config} and
 * {@code env} that the application resolves when it is built, so that a missing value is reported
 * with every other settings problem before anything starts.
 *
 * @param source how the YAML writes it, for messages ({@code <% config.db.url %>}); a literal's
 *     text is never shown, as it may be a secret
 * @param value resolves it from the application's configuration and environment; {@code null} when
 *     what it reads is not set
 */
public record Setting(String source, BiFunction<JsonNode, UnaryOperator<String>, String> value) {

  public Setting {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(value, "value");
  }

  /** A literal value. */
  public static Setting literal(String value) {
    Objects.requireNonNull(value, "value");
    return new Setting("a literal", (config, environment) -> value);
  }

  /** Its value in {@code config} and {@code environment}; {@code null} when not set. */
  public String resolve(JsonNode config, UnaryOperator<String> environment) {
    return value.apply(config, environment);
  }
}
