package dev.hookc.test.hooks.workflows.hooks;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.ValidationErrorHooks;
import javax.annotation.processing.Generated;

/**
 * The inputs of {@code hooks.PostGodspeedRequestValidationError}, which answers when a request
 * breaks its contract: {@code inputs.validation_error}, {@code inputs.body} as sent, ...
 */
@Generated("dev.hookc.compiler")
public record PostGodspeedRequestValidationErrorInputs(JsonNode body, JsonNode params,
    JsonNode query, JsonNode headers, JsonNode user, JsonNode validationError) {
  /**
   * The inputs for {@code request}, which broke its contract with {@code error}.
   */
  public static PostGodspeedRequestValidationErrorInputs of(Request request, JsonNode error) {
    return new PostGodspeedRequestValidationErrorInputs(
        ValidationErrorHooks.bodyAsSent(request),
        RequestInputs.params(request),
        RequestInputs.query(request),
        RequestInputs.headers(request),
        RequestInputs.user(request),
        error);
  }

  /**
   * These inputs as one JSON object, as Java functions see them.
   */
  @JsonValue
  public JsonNode toJson() {
    return Js.object(
        "body", body,
        "params", params,
        "query", query,
        "headers", headers,
        "user", user,
        "validation_error", validationError);
  }

  /**
   * The inputs a calling task passes as its {@code args}.
   */
  public static PostGodspeedRequestValidationErrorInputs fromJson(JsonNode args) {
    return new PostGodspeedRequestValidationErrorInputs(
        Js.member(args, "body"),
        Js.member(args, "params"),
        Js.member(args, "query"),
        Js.member(args, "headers"),
        Js.member(args, "user"),
        Js.member(args, "validation_error"));
  }
}
