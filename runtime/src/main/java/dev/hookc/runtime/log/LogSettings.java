package dev.hookc.runtime.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * The console log's settings, from the environment or the system properties (a property wins):
 * {@code HOOKC_LOG_FORMAT} ({@code hookc.log.format}) {@code text} or {@code json}; {@code
 * HOOKC_LOG_LEVEL} ({@code hookc.log.level}) a comma-separated list of levels, each either the root
 * logger's alone or {@code logger=level}; {@code HOOKC_LOG_BODIES} ({@code hookc.log.bodies})
 * {@code true} to log each request's body on {@value BodyLog#LOGGER} at DEBUG.
 *
 * @param json whether lines are JSON objects rather than text
 * @param levels levels by logger name, the root logger's under {@code ""}, in the order given
 * @param bodies whether request bodies are logged
 */
public record LogSettings(boolean json, Map<String, Level> levels, boolean bodies) {

  /** hookc's defaults: text, the JDK's levels, no bodies. */
  public static final LogSettings DEFAULT = new LogSettings(false, Map.of(), false);

  private static final Map<String, Level> LEVELS =
      Map.of(
          "off", Level.OFF,
          "error", Level.SEVERE,
          "warn", Level.WARNING,
          "warning", Level.WARNING,
          "info", Level.INFO,
          "debug", Level.FINE,
          "trace", Level.FINER,
          "all", Level.ALL);

  public LogSettings {
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
  }

  /**
   * The settings of this process ({@link System#getenv}, {@link System#getProperty}); what is not
   * valid is added to {@code problems} and left at its default.
   */
  public static LogSettings ofProcess(List<String> problems) {
    return read(System::getenv, System::getProperty, problems);
  }

  /**
   * The settings in {@code environment} and {@code properties}; what is not valid is added to
   * {@code problems}, one message each, and left at its default.
   */
  public static LogSettings read(
      Function<String, String> environment,
      Function<String, String> properties,
      List<String> problems) {
    Setting format = Setting.of("HOOKC_LOG_FORMAT", "hookc.log.format", environment, properties);
    boolean json = false;
    if (format.value() != null) {
      switch (format.value().toLowerCase(Locale.ROOT)) {
        case "text" -> json = false;
        case "json" -> json = true;
        default -> problems.add(format.describe() + "; it must be text or json");
      }
    }
    Setting bodies = Setting.of("HOOKC_LOG_BODIES", "hookc.log.bodies", environment, properties);
    boolean logBodies = false;
    if (bodies.value() != null) {
      switch (bodies.value().toLowerCase(Locale.ROOT)) {
        case "true" -> logBodies = true;
        case "false" -> logBodies = false;
        default -> problems.add(bodies.describe() + "; it must be true or false");
      }
    }
    Setting level = Setting.of("HOOKC_LOG_LEVEL", "hookc.log.level", environment, properties);
    Map<String, Level> levels = new LinkedHashMap<>();
    if (level.value() != null) {
      levels(level, levels, problems);
    }
    return new LogSettings(json, levels, logBodies);
  }

  /** Reads {@code info,dev.hookc.runtime.access=debug} into {@code levels}. */
  private static void levels(Setting setting, Map<String, Level> levels, List<String> problems) {
    for (String entry : setting.value().split(",", -1)) {
      String trimmed = entry.trim();
      int equals = trimmed.indexOf('=');
      String logger = equals < 0 ? "" : trimmed.substring(0, equals).trim();
      String name = (equals < 0 ? trimmed : trimmed.substring(equals + 1)).trim();
      Level level = LEVELS.get(name.toLowerCase(Locale.ROOT));
      if (level == null || (equals >= 0 && logger.isEmpty())) {
        problems.add(
            setting.describe()
                + "; '"
                + trimmed
                + "' is not a level or logger=level (levels: error, warn, info, debug, trace,"
                + " all, off)");
        continue;
      }
      levels.put(logger, level);
    }
  }

  /** The lowest level of {@link #levels}, or null when none is set. */
  Level lowest() {
    Level lowest = null;
    for (Level level : levels.values()) {
      if (lowest == null || level.intValue() < lowest.intValue()) {
        lowest = level;
      }
    }
    if (bodies && (lowest == null || Level.FINE.intValue() < lowest.intValue())) {
      lowest = Level.FINE;
    }
    return lowest;
  }

  /** A setting's value and where it came from; a blank value counts as unset. */
  private record Setting(String name, String value) {
    static Setting of(
        String variable,
        String property,
        Function<String, String> environment,
        Function<String, String> properties) {
      String fromProperty = properties.apply(property);
      if (fromProperty != null && !fromProperty.isBlank()) {
        return new Setting("-D" + property, fromProperty.trim());
      }
      String fromEnvironment = environment.apply(variable);
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        return new Setting(variable, fromEnvironment.trim());
      }
      return new Setting(variable, null);
    }

    String describe() {
      return name + " is '" + value + "'";
    }
  }
}
