package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import dev.hookc.runtime.workflow.Status;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Runs a project's validation-error hooks: the workflow an event names in {@code
 * on_request_validation_error} answers a request that broke its contract (a 400), the one in {@code
 * on_response_validation_error} a response the server was about to reject (a 500).
 *
 * <p>The hook sees the problem the client would have had as {@code inputs.validation_error}, and
 * its status becomes the response as it is, without validation (a hook's answer cannot fail its own
 * check and loop). A hook that fails is the server's bug, not the client's: it is logged, and the
 * client gets the default problem it would have had without the hook.
 */
public final class ValidationErrorHooks {
  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.hooks");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A hook workflow, called with {@code inputs.validation_error}. */
  @FunctionalInterface
  public interface Hook {
    Status run(JsonNode validationError) throws Exception;
  }

  private ValidationErrorHooks() {}

  /**
   * Answers {@code problem} with {@code hook} when it is a 400 of the request contract; any other
   * problem (a 415, say) is thrown on unchanged.
   *
   * @param route the route, for the log: {@code POST /callback}
   */
  public static Response onRequest(String route, HttpProblem problem, Hook hook) {
    if (problem.status() != 400) {
      throw problem;
    }
    String type = problem.type();
    WorkContext.outcome(Telemetry.Check.VALIDATION, type.substring(type.lastIndexOf('/') + 1));
    return run(route, "on_request_validation_error", problem, validationError(problem, null), hook);
  }

  /**
   * Answers a response that broke its declared schema with {@code hook}.
   *
   * @param problem the 500 the client gets without the hook, or when the hook fails
   * @param violations how the response broke its schema
   * @param status the response the workflow returned
   */
  public static Response onResponse(
      String route, HttpProblem problem, List<Violation> violations, Status status, Hook hook) {
    return run(
        route, "on_response_validation_error", problem, validationError(problem, violations), hook);
  }

  /** {@code inputs.body} of a hook: the body as sent when it parses, else null. */
  public static JsonNode bodyAsSent(Request request) {
    JsonNode raw = RequestBodies.raw(request);
    return raw == null ? NullNode.getInstance() : raw;
  }

  /** {@code inputs.response} of a response hook: {@code code}, {@code data} and {@code headers}. */
  public static JsonNode response(Status status) {
    ObjectNode response = NODES.objectNode();
    response.put("code", status.code());
    response.set("data", status.data().isMissingNode() ? NullNode.getInstance() : status.data());
    ObjectNode headers = response.putObject("headers");
    status.headers().forEach(headers::put);
    return response;
  }

  private static Response run(
      String route, String key, HttpProblem problem, JsonNode validationError, Hook hook) {
    try {
      Status status = hook.run(validationError);
      if (status.equals(Status.crashed())) {
        // An on_error ended the hook with a task's exception as it was: not the hook's answer.
        throw new IllegalStateException("a task of the hook failed");
      }
      return RequestInputs.respond(status);
    } catch (Exception | StackOverflowError e) {
      LOG.log(
          Level.ERROR,
          key + " of " + route + " failed; answering the default " + problem.status() + " problem",
          e);
      throw problem;
    }
  }

  /**
   * {@code inputs.validation_error}: the problem's status, title, detail and errors, each with
   * {@code pointer}, {@code keyword}, {@code message} and {@code in}; {@code error_count} says how
   * many.
   *
   * @param responseViolations a rejected response's violations, whose {@code in} is {@code
   *     response}; null for a request's problem
   */
  static JsonNode validationError(HttpProblem problem, List<Violation> responseViolations) {
    ObjectNode error = NODES.objectNode();
    error.put("status", problem.status());
    error.put("title", problem.title());
    error.put("detail", problem.detail());
    List<Violation> violations = responseViolations == null ? problem.errors() : responseViolations;
    ArrayNode errors = error.putArray("errors");
    for (Violation v : violations) {
      errors
          .addObject()
          .put("pointer", v.pointer())
          .put("keyword", v.keyword())
          .put("message", v.message())
          .put("in", responseViolations == null ? v.in() : "response");
    }
    error.put("error_count", violations.size());
    return error;
  }
}
