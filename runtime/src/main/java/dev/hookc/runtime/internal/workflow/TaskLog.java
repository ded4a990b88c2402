package dev.hookc.runtime.internal.workflow;

import dev.hookc.runtime.workflow.Status;
import java.lang.System.Logger.Level;
import java.util.Locale;

/** What {@code com.gs.log} does: writes its {@code data} at its {@code level}. */
public final class TaskLog {
  private TaskLog() {}

  /**
   * Logs {@code data} (as JSON unless it is text) at {@code level}, one of Godspeed's (pino's)
   * levels: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error}, {@code fatal}.
   *
   * @return an empty successful status: a log produces no result
   */
  public static Status log(System.Logger logger, String level, Object data) {
    Level mapped = level(level);
    if (logger.isLoggable(mapped)) {
      com.fasterxml.jackson.databind.JsonNode json = Status.toJson(data);
      logger.log(mapped, json.isTextual() ? json.asText() : json.toString());
    }
    return Status.ok(null);
  }

  /** The JDK level of a Godspeed level name. */
  static Level level(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "trace":
        return Level.TRACE;
      case "debug":
        return Level.DEBUG;
      case "info":
        return Level.INFO;
      case "warn":
        return Level.WARNING;
      case "error":
      case "fatal":
        return Level.ERROR;
      default:
        throw new IllegalArgumentException("not a log level: " + name);
    }
  }
}
