package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a Java function gets besides its arguments.
 *
 * <p>The inputs are turned into JSON only when a function asks for them: most functions read their
 * arguments alone, and converting the request for every task call cost as much as the rest of the
 * workflow.
 */
public final class FunctionContext {

  private static final Map<String, System.Logger> LOGGERS = new ConcurrentHashMap<>();

  private final System.Logger logger;
  private final JsonNode config;
  private final Supplier<JsonNode> inputsSource;
  private volatile JsonNode inputs;

  /**
   * A context with the inputs already as JSON.
   *
   * @param logger a logger named after the function
   * @param config the project's configuration ({@code config/default.yaml}), as JSON
   * @param inputs the request's inputs ({@code body}, {@code params}, {@code query}, {@code
   *     headers}, {@code user}, {@code cookies}, {@code raw_body}) as JSON
   */
  public FunctionContext(System.Logger logger, JsonNode config, JsonNode inputs) {
    this(logger, config, () -> inputs);
  }

  /** A context that converts the inputs to JSON the first time {@link #inputs()} is called. */
  public FunctionContext(System.Logger logger, JsonNode config, Supplier<JsonNode> inputs) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.config = config;
    this.inputsSource = Objects.requireNonNull(inputs, "inputs");
  }

  /** The logger {@code hookc.functions.<function>}, looked up once per function. */
  public static System.Logger loggerFor(String function) {
    return LOGGERS.computeIfAbsent(function, f -> System.getLogger("hookc.functions." + f));
  }

  /** A logger named after the function. */
  public System.Logger logger() {
    return logger;
  }

  /** The project's configuration ({@code config/default.yaml}), as JSON. */
  public JsonNode config() {
    return config;
  }

  /**
   * The request's inputs ({@code body}, {@code params}, {@code query}, {@code headers}, {@code
   * user}, {@code cookies}, {@code raw_body}) as JSON, for functions that need more than their
   * arguments; {@code raw_body} is the body's text exactly as received, for checking a signature.
   */
  public JsonNode inputs() {
    JsonNode result = inputs;
    if (result == null) {
      // Racing threads compute equal values; either may win.
      result = inputsSource.get();
      inputs = result;
    }
    return result;
  }
}
