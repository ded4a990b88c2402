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
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.RequestParts;
import dev.hookc.runtime.internal.workflow.ValidationErrorHooks;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.hooks.validation.PostDefaultedBodyValidator;
import dev.hookc.test.hooks.workflows.AcceptInputs;
import dev.hookc.test.hooks.workflows.AcceptWorkflow;
import dev.hookc.test.hooks.workflows.hooks.DefaultRequestValidationErrorInputs;
import dev.hookc.test.hooks.workflows.hooks.DefaultRequestValidationErrorWorkflow;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Serves {@code POST /defaulted}, from {@code src/events/hooks.yaml:29:1}.
 */
@Generated("dev.hookc.compiler")
public final class PostDefaultedController implements RequestHandler {
  private final AcceptWorkflow workflow;

  private final DefaultRequestValidationErrorWorkflow requestHook;

  /**
   * @param wiring the application's configuration and functions
   */
  public PostDefaultedController(Wiring wiring) {
    this.workflow = new AcceptWorkflow(wiring);
    this.requestHook = new DefaultRequestValidationErrorWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters;
    JsonNode json;
    try {
      parameters = new Parameters(request, "POST /defaulted");
      json = RequestBodies.read(request, BodyFormat.json());
      List<Violation> violations = PostDefaultedBodyValidator.validate(json);
      if (!violations.isEmpty()) {
        throw HttpProblem.badRequest(
            "The request body does not match the schema of POST /defaulted.",
            violations);
      }
      RequestBodies.requireUtf8(request);
    } catch (HttpProblem problem) {
      return requestValidationError(request, problem);
    }
    RequestParts parts = RequestParts.of(request, parameters);
    Status status = workflow.run(new AcceptInputs(json, parts));
    return RequestInputs.respond(status);
  }

  /**
   * Answers a request that broke the contract with {@code hooks.DefaultRequestValidationError};
   * other problems pass.
   */
  private Response requestValidationError(Request request, HttpProblem problem) {
    return ValidationErrorHooks.onRequest(
        "POST /defaulted",
        problem,
        error -> requestHook.run(DefaultRequestValidationErrorInputs.of(request, error)));
  }
}
