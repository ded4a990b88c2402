package dev.hookc.test.hooks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.internal.Conversion;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.RequestParts;
import dev.hookc.runtime.internal.workflow.ValidationErrorHooks;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.hooks.validation.GetNamedByIdContract;
import dev.hookc.test.hooks.workflows.AcceptInputs;
import dev.hookc.test.hooks.workflows.AcceptWorkflow;
import dev.hookc.test.hooks.workflows.AnswerBadParametersInputs;
import dev.hookc.test.hooks.workflows.AnswerBadParametersWorkflow;
import javax.annotation.processing.Generated;

/**
 * Serves {@code GET /named/{id}}, from {@code src/events/hooks.yaml:21:1}.
 */
@Generated("dev.hookc.compiler")
public final class GetNamedByIdController implements RequestHandler {
  private final AcceptWorkflow workflow;

  private final AnswerBadParametersWorkflow requestHook;

  /**
   * @param wiring the application's configuration and functions
   */
  public GetNamedByIdController(Wiring wiring) {
    this.workflow = new AcceptWorkflow(wiring);
    this.requestHook = new AnswerBadParametersWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters;
    JsonNode json;
    try {
      parameters = new Parameters(request, "GET /named/{id}")
          .path("id", Conversion.INTEGER, GetNamedByIdContract::pathId)
          .check();
      json = RequestInputs.optionalBody(request);
      RequestBodies.requireUtf8(request);
    } catch (HttpProblem problem) {
      return requestValidationError(request, problem);
    }
    RequestParts parts = RequestParts.of(request, parameters);
    Status status = workflow.run(new AcceptInputs(json, parts));
    return RequestInputs.respond(status);
  }

  /**
   * Answers a request that broke the contract with {@code answerBadParameters}; other problems
   * pass.
   */
  private Response requestValidationError(Request request, HttpProblem problem) {
    return ValidationErrorHooks.onRequest(
        "GET /named/{id}",
        problem,
        error -> requestHook.run(AnswerBadParametersInputs.of(request, error)));
  }
}
