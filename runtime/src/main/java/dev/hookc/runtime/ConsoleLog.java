package dev.hookc.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The console log format of hookc applications: one line per record, {@code <instant> <level>
 * <logger>: <message>}, followed by the stack trace of a throwable.
 *
 * <p>The JDK's default format costs more than the rest of a request together: it formats a {@code
 * String.format} pattern and a zoned date, and walks the stack to find the calling method, on every
 * record. Logging a line per callback at INFO, as Godspeed applications do, then halves the
 * throughput of a small service. The JDK's console handler also writes and flushes each record
 * under one lock, so every request thread waited for the console in turn; hookc's writes from a
 * thread of its own instead ({@link AsyncConsoleHandler}).
 */
public final class ConsoleLog {

  private ConsoleLog() {}

  /**
   * Replaces the JDK's default console handler with one that writes this format from a thread of
   * its own, with the same level and filter, unless the application configures logging itself (a
   * {@code java.util.logging.config.file} or {@code config.class}, or a {@code SimpleFormatter}
   * format); then nothing changes. What is still queued is written when the JVM shuts down, since
   * the JDK closes the root logger's handlers then; while a server {@linkplain
   * HookcServer#stopOnShutdownSignal stops on that signal}, the handler stays until it is done.
   */
  public static void install() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null
        || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
      return;
    }
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      if (handler instanceof ConsoleHandler
          && handler.getFormatter().getClass() == SimpleFormatter.class) {
        AsyncConsoleHandler console =
            new AsyncConsoleHandler(
                System.err,
                AsyncConsoleHandler.DEFAULT_CAPACITY,
                ConsoleLog::keepOpenWhileStopping);
        console.setFormatter(new LineFormatter());
        console.setLevel(handler.getLevel());
        console.setFilter(handler.getFilter());
        root.addHandler(console);
        root.removeHandler(handler);
        handler.close();
      }
    }
  }

  /**
   * Whether {@code console}, being closed, stays open: the JDK's log manager closes and removes
   * every handler in a shutdown hook of its own, which runs alongside hookc's, so the lines of
   * hookc's stop, and of the requests it lets finish, would go nowhere. While that stop runs, the
   * handler puts itself back on the root logger and closes once the stop is done.
   */
  private static boolean keepOpenWhileStopping(AsyncConsoleHandler console) {
    if (!ShutdownSequence.deferUntilDone(console::closeNow)) {
      return false;
    }
    Logger root = Logger.getLogger("");
    // The log manager removed it just before closing it; a line logged in between is lost.
    if (!Arrays.asList(root.getHandlers()).contains(console)) {
      root.addHandler(console);
    }
    return true;
  }

  /** Formats a record as one line, without looking up its caller. */
  static final class LineFormatter extends Formatter {

    private final InstantText instants = new InstantText();

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(128);
      instants.append(record.getInstant(), line);
      line.append(' ')
          .append(record.getLevel().getName())
          .append(' ')
          .append(record.getLoggerName())
          .append(": ")
          .append(formatMessage(record))
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
