package dev.hookc.runtime.log;

import dev.hookc.runtime.HookcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The console log format of hookc applications: one line per record, {@code <instant> <level>
 * <logger>: <message>}, followed by the stack trace of a throwable; or, with {@code
 * HOOKC_LOG_FORMAT=json}, one JSON object per line ({@link JsonLineFormatter}). {@link LogSettings}
 * lists the settings.
 *
 * <p>The JDK's default format costs more than the rest of a request together: it formats a {@code
 * String.format} pattern and a zoned date, and walks the stack to find the calling method, on every
 * record. Logging a line per callback at INFO, as Godspeed applications do, then halves the
 * throughput of a small service. The JDK's console handler also writes and flushes each record
 * under one lock, so every request thread waited for the console in turn; hookc's writes from a
 * thread of its own instead ({@link AsyncConsoleHandler}).
 */
public final class ConsoleLog {

  // The loggers whose level hookc set: the log manager holds loggers weakly, and one collected
  // would come back with its parent's level.
  private static final List<Logger> configured = new CopyOnWriteArrayList<>();

  private ConsoleLog() {}

  /**
   * Replaces the JDK's default console handler with one that writes this format from a thread of
   * its own, with the same level and filter, unless the application configures logging itself (a
   * {@code java.util.logging.config.file} or {@code config.class}, or a {@code SimpleFormatter}
   * format); then nothing changes. What is still queued is written when the JVM shuts down, since
   * the JDK closes the root logger's handlers then; while a server {@linkplain
   * HookcServer#stopOnShutdownSignal stops on that signal}, the handler keeps writing until the
   * stop is done. The format and levels are those of {@link LogSettings}.
   */
  public static void install() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null
        || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
      return;
    }
    // A setting that is not valid keeps its default here; the application's build reports it
    // with its other settings, and the process exits before it serves.
    LogSettings settings = LogSettings.ofProcess(new ArrayList<>());
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      if (handler instanceof ConsoleHandler
          && handler.getFormatter().getClass() == SimpleFormatter.class) {
        // JSON is UTF-8 (RFC 8259), whatever the platform's charset; text keeps the console's.
        AsyncConsoleHandler console =
            new AsyncConsoleHandler(
                System.err,
                AsyncConsoleHandler.DEFAULT_CAPACITY,
                settings.json() ? StandardCharsets.UTF_8 : Charset.defaultCharset());
        console.setFormatter(settings.json() ? new JsonLineFormatter() : new LineFormatter());
        console.setLevel(lower(handler.getLevel(), settings.lowest()));
        console.setFilter(handler.getFilter());
        Runnable closeConsole = console::close;
        root.addHandler(new Relay(root, console, closeConsole));
        root.addHandler(new Relay(root, console, closeConsole));
        root.removeHandler(handler);
        handler.close();
      }
    }
    applyLevels(settings);
  }

  /** Sets the levels of {@code settings}, and DEBUG on the bodies' logger when they are logged. */
  private static void applyLevels(LogSettings settings) {
    if (settings.bodies() && !settings.levels().containsKey(BodyLog.LOGGER)) {
      configured.add(level(BodyLog.LOGGER, Level.FINE));
    }
    settings.levels().forEach((name, level) -> configured.add(level(name, level)));
  }

  private static Logger level(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  private static Level lower(Level level, Level other) {
    return other == null || level.intValue() <= other.intValue() ? level : other;
  }

  /** The fields of a record logged with {@code "{0}"} and {@link LogFields}, else null. */
  static LogFields fieldsOf(LogRecord record) {
    Object[] parameters = record.getParameters();
    return parameters != null
            && parameters.length == 1
            && parameters[0] instanceof LogFields fields
            && "{0}".equals(record.getMessage())
        ? fields
        : null;
  }

  /**
   * One of the two handlers on the root logger that pass records to the console handler.
   *
   * <p>The JDK's log manager resets logging in a shutdown hook of its own, which runs at the same
   * time as hookc's: it removes the root logger's handlers one at a time and closes each, so the
   * lines of hookc's stop, and of the requests it lets finish, would reach no handler. While hookc
   * stops, a relay being closed puts itself back on the root logger instead, and the console closes
   * once the stop is done; with two relays, one is always on the root logger while the other is
   * away for that instant. Every record reaches both: the second on the same thread skips the
   * record the first has just passed on.
   */
  static final class Relay extends Handler {
    private static final ThreadLocal<LogRecord> PASSED = new ThreadLocal<>();

    private final Logger root;
    private final Handler console;
    private final Runnable closeConsole;

    Relay(Logger root, Handler console, Runnable closeConsole) {
      this.root = root;
      this.console = console;
      this.closeConsole = closeConsole;
    }

    @Override
    public void publish(LogRecord record) {
      if (PASSED.get() == record) {
        PASSED.set(null);
        return;
      }
      PASSED.set(record);
      console.publish(record);
    }

    @Override
    public void flush() {
      console.flush();
    }

    @Override
    public void close() {
      if (ShutdownSequence.deferUntilDone(closeConsole)) {
        root.addHandler(this);
        return;
      }
      closeConsole.run();
    }
  }

  /** Formats a record as one line, without looking up its caller. */
  static final class LineFormatter extends Formatter {

    private final InstantText instants = new InstantText();

    @Override
    public String format(LogRecord record) {
      LogFields fields = fieldsOf(record);
      StringBuilder line = new StringBuilder(128);
      instants.append(record.getInstant(), line);
      line.append(' ')
          .append(record.getLevel().getName())
          .append(' ')
          .append(record.getLoggerName())
          .append(": ")
          .append(fields != null ? fields.toString() : formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }
}
