package dev.hookc.runtime;

/**
 * The code behind one route: turns a request into a response.
 *
 * <p>A handler may throw {@link HttpProblem} to answer with a problem body; any other exception
 * becomes a 500 problem that reveals nothing about the failure and is logged with a request id.
 */
@FunctionalInterface
public interface RequestHandler {

  /** Answers {@code request}; never returns {@code null}. */
  Response handle(Request request) throws Exception;
}
