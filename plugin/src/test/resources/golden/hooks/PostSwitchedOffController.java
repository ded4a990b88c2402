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
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.hooks.validation.PostSwitchedOffBodyValidator;
import dev.hookc.test.hooks.workflows.AcceptInputs;
import dev.hookc.test.hooks.workflows.AcceptWorkflow;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Serves {@code POST /switched-off}, from {@code src/events/hooks.yaml:38:1}.
 */
@Generated("dev.hookc.compiler")
public final class PostSwitchedOffController implements RequestHandler {
  private final AcceptWorkflow workflow;

  /**
   * @param wiring the application's configuration and functions
   */
  public PostSwitchedOffController(Wiring wiring) {
    this.workflow = new AcceptWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters = new Parameters(request, "POST /switched-off");
    JsonNode json = RequestBodies.read(request, BodyFormat.json());
    List<Violation> violations = PostSwitchedOffBodyValidator.validate(json);
    if (!violations.isEmpty()) {
      throw HttpProblem.badRequest(
          "The request body does not match the schema of POST /switched-off.",
          violations);
    }
    RequestBodies.requireUtf8(request);
    RequestParts parts = RequestParts.of(request, parameters);
    Status status = workflow.run(new AcceptInputs(json, parts));
    return RequestInputs.respond(status);
  }
}
