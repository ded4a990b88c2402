package dev.hookc.compiler.model;

import java.util.List;

/**
 * The event types a provider's route accepts, named by a header of each delivery: GitHub's {@code
 * X-GitHub-Event}. A delivery of another type is refused before its body is read; a {@code ping}
 * the route does not accept is answered by hookc without running the workflow.
 *
 * @param header the header that names the type
 * @param types the accepted types, as declared
 * @param typeBody whether the route's body is their payloads (it declares no {@code body} of its
 *     own): a {@code com.gs.switch} on the type then narrows the body in each case
 */
public record AcceptedEvents(String header, List<String> types, boolean typeBody) {

  public AcceptedEvents {
    types = List.copyOf(types);
  }

  /** These types, as the ones whose payloads the route's body is. */
  public AcceptedEvents typingBody() {
    return new AcceptedEvents(header, types, true);
  }

  /** Whether hookc answers a {@code ping} itself: the route does not accept it. */
  public boolean answersPing() {
    return !types.contains("ping");
  }
}
