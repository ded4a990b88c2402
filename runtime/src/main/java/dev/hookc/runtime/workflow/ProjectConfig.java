package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The project's configuration and the server settings read from the environment at start-up. */
public final class ProjectConfig {
  private ProjectConfig() {}

  /** The configuration that {@code config.*} reads; empty until the project declares one. */
  public static JsonNode load() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * The port in {@code value} (the {@code PORT} environment variable), or {@code fallback} when it
   * is unset.
   *
   * @throws IllegalArgumentException if it is set but not a port number, naming the value
   */
  public static int port(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(
        "PORT must be a number from 0 to 65535, not '" + value + "'");
  }
}
