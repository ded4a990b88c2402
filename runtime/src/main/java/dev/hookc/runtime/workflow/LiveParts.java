package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Parameters;
import dev.hookc.runtime.Request;

/** The parts of a received request, built from it anew on every call. */
final class LiveParts implements RequestParts {
  private final Request request;
  private final Parameters parameters;

  LiveParts(Request request, Parameters parameters) {
    this.request = request;
    this.parameters = parameters;
  }

  @Override
  public JsonNode params() {
    return parameters.params();
  }

  @Override
  public JsonNode query() {
    return parameters.query();
  }

  @Override
  public JsonNode headers() {
    return parameters.headers();
  }

  @Override
  public JsonNode user() {
    return RequestInputs.user(request);
  }

  @Override
  public JsonNode cookies() {
    return parameters.cookies();
  }

  @Override
  public String rawBody() {
    return RequestInputs.rawBody(request);
  }
}
