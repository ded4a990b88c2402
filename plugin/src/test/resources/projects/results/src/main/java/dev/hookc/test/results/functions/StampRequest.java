package dev.hookc.test.results.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.workflow.FunctionContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/** Made by hookc with the configuration, a clock, a logger and an HTTP client. */
public final class StampRequest implements StampRequestFunction {
  private final JsonNode config;
  private final Clock clock;
  private final System.Logger log;
  private final HttpClient http;

  /** The constructor hookc calls, each parameter injected by its type. */
  public StampRequest(JsonNode config, Clock clock, System.Logger log, HttpClient http) {
    this.config = config;
    this.clock = clock;
    this.log = log;
    this.http = http;
  }

  @Override
  public Map<String, Object> apply(StampRequestArgs args, FunctionContext context) {
    return Map.of(
        "label", args.label(),
        "greeting", config.path("greeting").asText(),
        "zone", clock.getZone().getId(),
        "logger", log.getName(),
        "http", http != null);
  }
}
