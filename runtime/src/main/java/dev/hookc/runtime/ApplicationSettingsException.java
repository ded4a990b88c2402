package dev.hookc.runtime;

import java.util.List;

/**
 * The problems that keep an application from starting — missing secrets, a short admin token, a
 * store URL hookc cannot use, ... — every one of them, found by {@link Application.Builder#build()}
 * before anything was started.
 */
public final class ApplicationSettingsException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The problems, one sentence each. */
  @SuppressWarnings("serial") // an immutable list of strings
  private final List<String> problems;

  /**
   * @param problems one sentence each; at least one
   */
  public ApplicationSettingsException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    StringBuilder message =
        new StringBuilder("the application cannot start: ")
            .append(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
    for (String problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }

  /** The problems found, one sentence each, in the order they were found. */
  public List<String> problems() {
    return problems;
  }
}
