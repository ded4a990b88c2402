package dev.hookc.test.hooks.workflows.hooks;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.expr.Js;
import javax.annotation.processing.Generated;

/**
 * The inputs of {@code hooks.PostGodspeedRequestValidationError}, which answers when a request breaks its contract: {@code inputs.validation_error}, {@code inputs.body} as sent, ...
 */
@Generated("dev.hookc.compiler")
public record PostGodspeedRequestValidationErrorInputs(JsonNode body, JsonNode params,
    JsonNode query, JsonNode headers, JsonNode user, JsonNode validationError) {
  /**
   * These inputs as one JSON object, as Java functions see them.
   */
  @JsonValue
  public JsonNode toJson() {
    return Js.object("body", body, "params", params, "query", query, "headers", headers, "user", user, "validation_error", validationError);
  }

  /**
   * The inputs a calling task passes as its {@code args}.
   */
  public static PostGodspeedRequestValidationErrorInputs fromJson(JsonNode args) {
    return new PostGodspeedRequestValidationErrorInputs(Js.member(args, "body"), Js.member(args, "params"), Js.member(args, "query"), Js.member(args, "headers"), Js.member(args, "user"), Js.member(args, "validation_error"));
  }
}
