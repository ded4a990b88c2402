package dev.hookc.examples.callback.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.examples.callback.binding.PostCallbackBodyBinder;
import dev.hookc.examples.callback.model.PostCallbackBody;
import dev.hookc.examples.callback.validation.PostCallbackBodyValidator;
import dev.hookc.examples.callback.validation.PostCallbackResponse200Validator;
import dev.hookc.examples.callback.workflows.HandleCallbackInputs;
import dev.hookc.examples.callback.workflows.HandleCallbackWorkflow;
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
import dev.hookc.runtime.workflow.Status;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Serves {@code POST /callback}: Handle callbacks from external services, from {@code
 * src/events/callback-event.yaml:1:1}.
 */
@Generated("dev.hookc.compiler")
public final class PostCallbackController implements RequestHandler {
  private final HandleCallbackWorkflow workflow;

  /**
   * @param wiring the application's configuration and functions
   */
  public PostCallbackController(Wiring wiring) {
    this.workflow = new HandleCallbackWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters = new Parameters(request, "POST /callback");
    JsonNode json = RequestBodies.read(request, BodyFormat.json());
    List<Violation> violations = PostCallbackBodyValidator.validate(json);
    if (!violations.isEmpty()) {
      throw HttpProblem.badRequest(
          "The request body does not match the schema of POST /callback.",
          violations);
    }
    PostCallbackBody body = PostCallbackBodyBinder.bind(json);
    RequestBodies.requireUtf8(request);
    RequestParts parts = RequestParts.of(request, parameters);
    Status status = workflow.run(new HandleCallbackInputs(body, parts));
    ResponseContract.check(
        ResponseContract.Mode.ENFORCE,
        "POST /callback",
        status.code(),
        responseViolations(status.code(), status.data()));
    return RequestInputs.respond(status);
  }

  /**
   * How a response breaks the schema declared for its status, if at all.
   */
  private static List<Violation> responseViolations(int code, JsonNode data) {
    if (code == 200) {
      return PostCallbackResponse200Validator.validate(data);
    }
    return List.of();
  }
}
