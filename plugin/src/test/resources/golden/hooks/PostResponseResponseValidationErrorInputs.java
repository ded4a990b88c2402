package dev.hookc.test.hooks.workflows.hooks;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.RequestParts;
import dev.hookc.runtime.internal.workflow.ValidationErrorHooks;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * The inputs of {@code hooks.PostResponseResponseValidationError}, which answers when a response
 * breaks its declared schema: {@code inputs.validation_error}, {@code inputs.body} as sent, ...
 */
@Generated("dev.hookc.compiler")
public record PostResponseResponseValidationErrorInputs(JsonNode body, JsonNode params,
    JsonNode query, JsonNode headers, JsonNode user, JsonNode validationError, JsonNode response) {
  /**
   * The inputs for a request with {@code body} and {@code parts}, whose workflow answered {@code
   * status}, which broke its schema with {@code error}.
   */
  public static PostResponseResponseValidationErrorInputs of(JsonNode body, RequestParts parts,
      JsonNode error, Status status) {
    return new PostResponseResponseValidationErrorInputs(
        body,
        parts.params(),
        parts.query(),
        parts.headers(),
        parts.user(),
        error,
        ValidationErrorHooks.response(status));
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
        "validation_error", validationError,
        "response", response);
  }

  /**
   * The inputs a calling task passes as its {@code args}.
   */
  public static PostResponseResponseValidationErrorInputs fromJson(JsonNode args) {
    return new PostResponseResponseValidationErrorInputs(
        Js.member(args, "body"),
        Js.member(args, "params"),
        Js.member(args, "query"),
        Js.member(args, "headers"),
        Js.member(args, "user"),
        Js.member(args, "validation_error"),
        Js.member(args, "response"));
  }
}
