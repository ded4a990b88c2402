package dev.hookc.test.subworkflows.workflows.math;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.RequestParts;
import javax.annotation.processing.Generated;

/**
 * The inputs of workflow {@code math.double}: {@code inputs.body}, {@code inputs.params}, ...
 *
 * <p>Called by double_number.twice, math.quadruple.first, math.quadruple.second, whose {@code args}
 * are its inputs ({@code args} is null for a request).
 */
@Generated("dev.hookc.compiler")
public record DoubleInputs(JsonNode body, RequestParts parts, JsonNode args) {
  /**
   * The inputs of a request the server received.
   */
  public DoubleInputs(JsonNode body, RequestParts parts) {
    this(body, parts, null);
  }

  /**
   * {@code inputs.params}.
   */
  public JsonNode params() {
    return parts.params();
  }

  /**
   * {@code inputs.query}.
   */
  public JsonNode query() {
    return parts.query();
  }

  /**
   * {@code inputs.headers}.
   */
  public JsonNode headers() {
    return parts.headers();
  }

  /**
   * {@code inputs.user}.
   */
  public JsonNode user() {
    return parts.user();
  }

  /**
   * {@code inputs.cookies}.
   */
  public JsonNode cookies() {
    return parts.cookies();
  }

  /**
   * {@code inputs.raw_body}.
   */
  public String rawBody() {
    return parts.rawBody();
  }

  /**
   * {@code inputs.delivery}.
   */
  public JsonNode delivery() {
    return parts.delivery();
  }

  /**
   * {@code inputs.n}, as the calling tasks pass it; null when absent.
   */
  public JsonNode n() {
    return Js.member(args, "n");
  }

  /**
   * {@code inputs.label}, as the calling tasks pass it; null when absent.
   */
  public String label() {
    return Js.asString(Js.member(args, "label"));
  }

  /**
   * These inputs as one JSON object, as Java functions see them: the calling task's {@code args}
   * exactly.
   */
  @JsonValue
  public JsonNode toJson() {
    if (args != null) {
      return args;
    }
    return Js.object(
        "body", body,
        "params", params(),
        "query", query(),
        "headers", headers(),
        "user", user(),
        "cookies", cookies(),
        "raw_body", rawBody(),
        "delivery", delivery());
  }

  /**
   * The inputs a calling task passes as its {@code args}.
   */
  public static DoubleInputs fromJson(JsonNode args) {
    return new DoubleInputs(
        Js.member(args, "body"),
        RequestParts.of(
            Js.member(args, "params"),
            Js.member(args, "query"),
            Js.member(args, "headers"),
            Js.member(args, "user"),
            Js.member(args, "cookies"),
            Js.asString(Js.member(args, "raw_body")),
            Js.member(args, "delivery")),
        args);
  }
}
