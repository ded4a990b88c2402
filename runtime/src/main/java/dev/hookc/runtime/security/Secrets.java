package dev.hookc.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Resolves the secrets an event's {@code authn} names, once, at start-up: {@code config.a.b} reads
 * the project's configuration, {@code env.NAME} an environment variable, and {@code value:<secret>}
 * is the secret itself. A missing or empty secret stops the server from starting.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * The secrets {@code references} name, read from {@code config} and the process environment.
   *
   * @param route the route they protect, for the error message
   * @throws IllegalStateException naming the reference when a secret is missing or empty
   */
  public static List<String> resolve(String route, JsonNode config, String... references) {
    return resolve(route, config, System::getenv, references);
  }

  /** As {@link #resolve(String, JsonNode, String...)}, with {@code env} as the environment. */
  public static List<String> resolve(
      String route, JsonNode config, UnaryOperator<String> env, String... references) {
    List<String> secrets = new ArrayList<>();
    for (String reference : references) {
      String secret;
      if (reference.startsWith("env.")) {
        secret = env.apply(reference.substring(4));
      } else if (reference.startsWith("config.")) {
        JsonNode node = config;
        for (String name : reference.substring(7).split("\\.", -1)) {
          node = node == null ? null : node.get(name);
        }
        secret = node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
      } else if (reference.startsWith("value:")) {
        secret = reference.substring(6);
      } else {
        throw new IllegalArgumentException("not a secret reference: " + reference);
      }
      if (secret == null || secret.isEmpty()) {
        throw new IllegalStateException(
            "the secret '"
                + reference
                + "' that authenticates "
                + route
                + " is missing or empty; set it before starting the server");
      }
      secrets.add(secret);
    }
    return List.copyOf(secrets);
  }
}
