package dev.hookc.examples.callback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.workflow.ProjectConfig;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The project's configuration, from {@code config/}: what {@code config.*} reads.
 */
@Generated("dev.hookc.compiler")
public final class HookcConfig {
  /**
   * {@code config/default.yaml} as JSON.
   */
  private static final String DEFAULTS = "{}";

  /**
   * Each {@code config/<env>.yaml} as JSON, chosen by {@code HOOKC_ENV}.
   */
  private static final Map<String, String> ENVIRONMENTS = Map.of();

  /**
   * {@code config/custom-environment-variables.yaml} as JSON: which environment
   * variable overrides which key.
   */
  private static final String VARIABLES = "{}";

  private HookcConfig() {
  }

  /**
   * The defaults, overridden by {@code config/<HOOKC_ENV>.yaml}, then by the
   * mapped environment variables, all read from {@code environment}.
   */
  public static JsonNode load(Map<String, String> environment) {
    return ProjectConfig.load(DEFAULTS, ENVIRONMENTS, VARIABLES, environment);
  }

  /**
   * The configuration read from the process environment.
   */
  public static JsonNode load() {
    return load(System.getenv());
  }
}
