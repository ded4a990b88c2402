package dev.hookc.test.hooks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.BodyFormat;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.internal.ResponseContract;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.RequestParts;
import dev.hookc.runtime.internal.workflow.ValidationErrorHooks;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.hooks.validation.PostResponseBodyValidator;
import dev.hookc.test.hooks.validation.PostResponseResponse200Validator;
import dev.hookc.test.hooks.workflows.AnswerWronglyInputs;
import dev.hookc.test.hooks.workflows.AnswerWronglyWorkflow;
import dev.hookc.test.hooks.workflows.hooks.DefaultRequestValidationErrorInputs;
import dev.hookc.test.hooks.workflows.hooks.DefaultRequestValidationErrorWorkflow;
import dev.hookc.test.hooks.workflows.hooks.PostResponseResponseValidationErrorInputs;
import dev.hookc.test.hooks.workflows.hooks.PostResponseResponseValidationErrorWorkflow;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Serves {@code POST /response}, from {@code src/events/hooks.yaml:58:1}.
 */
@Generated("dev.hookc.compiler")
public final class PostResponseController implements RequestHandler {
  private final AnswerWronglyWorkflow workflow;

  private final DefaultRequestValidationErrorWorkflow requestHook;

  private final PostResponseResponseValidationErrorWorkflow responseHook;

  /**
   * @param wiring the application's configuration and functions
   */
  public PostResponseController(Wiring wiring) {
    this.workflow = new AnswerWronglyWorkflow(wiring);
    this.requestHook = new DefaultRequestValidationErrorWorkflow(wiring);
    this.responseHook = new PostResponseResponseValidationErrorWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters;
    JsonNode json;
    try {
      parameters = new Parameters(request, "POST /response");
      json = RequestBodies.read(request, BodyFormat.json());
      List<Violation> violations = PostResponseBodyValidator.validate(json);
      if (!violations.isEmpty()) {
        throw HttpProblem.badRequest(
            "The request body does not match the schema of POST /response.",
            violations);
      }
      RequestBodies.requireUtf8(request);
    } catch (HttpProblem problem) {
      return requestValidationError(request, problem);
    }
    RequestParts parts = RequestParts.of(request, parameters);
    Status status = workflow.run(new AnswerWronglyInputs(json, parts));
    List<Violation> responseViolations = responseViolations(status.code(), status.data());
    try {
      ResponseContract.check(
          ResponseContract.Mode.ENFORCE,
          "POST /response",
          status.code(),
          responseViolations);
    } catch (HttpProblem problem) {
      return responseValidationError(json, parts, status, problem, responseViolations);
    }
    return RequestInputs.respond(status);
  }

  /**
   * Answers a request that broke the contract with {@code hooks.DefaultRequestValidationError};
   * other problems pass.
   */
  private Response requestValidationError(Request request, HttpProblem problem) {
    return ValidationErrorHooks.onRequest(
        "POST /response",
        problem,
        error -> requestHook.run(DefaultRequestValidationErrorInputs.of(request, error)));
  }

  /**
   * Answers a response that broke its declared schema with {@code
   * hooks.PostResponseResponseValidationError}.
   */
  private Response responseValidationError(JsonNode json, RequestParts parts, Status status,
      HttpProblem problem, List<Violation> violations) {
    return ValidationErrorHooks.onResponse(
        "POST /response",
        problem,
        violations,
        status,
        error -> responseHook.run(PostResponseResponseValidationErrorInputs.of(json, parts, error,
            status)));
  }

  /**
   * How a response breaks the schema declared for its status, if at all.
   */
  private static List<Violation> responseViolations(int code, JsonNode data) {
    if (code == 200) {
      return PostResponseResponse200Validator.validate(data);
    }
    return List.of();
  }
}
