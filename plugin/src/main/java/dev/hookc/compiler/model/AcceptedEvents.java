package dev.hookc.compiler.model;

import java.util.List;

/**
 * The event types a provider's route accepts, named by a header of each delivery: GitHub's {@code
 * X-GitHub-Event}. A delivery of another type is refused before its body is read; a {@code ping}
 * the route does not accept is answered by hookc without running the workflow.
 *
 * @param header the header that names the type
 * @param types the accepted types, as declared
 */
public record AcceptedEvents(String header, List<String> types) {

  public AcceptedEvents {
    types = List.copyOf(types);
  }

  /** Whether hookc answers a {@code ping} itself: the route does not accept it. */
  public boolean answersPing() {
    return !types.contains("ping");
  }
}
