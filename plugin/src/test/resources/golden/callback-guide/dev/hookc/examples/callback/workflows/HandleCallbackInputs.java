package dev.hookc.examples.callback.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.examples.callback.model.PostCallbackBody;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.expr.Js;
import javax.annotation.processing.Generated;

/**
 * The inputs of workflow {@code handleCallback}: {@code inputs.body}, {@code inputs.params}, ...
 */
@Generated("dev.hookc.compiler")
public record HandleCallbackInputs(PostCallbackBody body, JsonNode params, JsonNode query,
    JsonNode headers, JsonNode user, JsonNode cookies, String rawBody) {
  /**
   * These inputs as one JSON object, as Java functions see them.
   */
  public JsonNode toJson() {
    return Js.object("body", body, "params", params, "query", query, "headers", headers, "user", user, "cookies", cookies, "raw_body", rawBody);
  }

  /**
   * The inputs a calling task passes as its {@code args}.
   */
  public static HandleCallbackInputs fromJson(JsonNode args) {
    return new HandleCallbackInputs(Json.bind(Js.member(args, "body"), PostCallbackBody.class), Js.member(args, "params"), Js.member(args, "query"), Js.member(args, "headers"), Js.member(args, "user"), Js.member(args, "cookies"), Js.asString(Js.member(args, "raw_body")));
  }
}
