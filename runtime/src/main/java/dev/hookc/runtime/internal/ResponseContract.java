package dev.hookc.runtime.internal;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.json.Problems;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What happens when a workflow's response breaks the schema its event declares for that status: it
 * is always logged with every violation; under {@link Mode#ENFORCE} the client gets a 500 problem
 * instead, since the fault is the server's, and the problem says nothing of the details.
 */
public final class ResponseContract {
  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.responses");

  /**
   * How a violated response schema is handled ({@code validate_responses} in {@code http.yaml}).
   */
  public enum Mode {
    /** Log it and answer 500. */
    ENFORCE,
    /** Log it and send the response anyway. */
    LOG
  }

  private ResponseContract() {}

  /**
   * Logs {@code violations} if any, and under {@link Mode#ENFORCE} throws the 500 problem.
   *
   * @param route the route, for the log: {@code POST /callback}
   * @param status the response's status code
   */
  public static void check(Mode mode, String route, int status, List<Violation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    LOG.log(
        Level.ERROR,
        "response "
            + status
            + " of "
            + route
            + " breaks its declared schema: "
            + violations.stream()
                .map(v -> (v.pointer().isEmpty() ? "(root)" : v.pointer()) + " " + v.message())
                .collect(Collectors.joining("; ")));
    if (mode == Mode.ENFORCE) {
      throw new HttpProblem(
              500,
              "Internal Server Error",
              "the server produced a response that breaks its own contract")
          .withType(Problems.TYPE_PREFIX + "invalid-response");
    }
  }
}
