package dev.hookc.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
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
 * throughput of a small service.
 */
public final class ConsoleLog {

  private ConsoleLog() {}

  /**
   * Gives the JDK's default console handler this format, unless the application configures logging
   * itself (a {@code java.util.logging.config.file} or {@code config.class}, or a {@code
   * SimpleFormatter} format); then nothing changes.
   */
  public static void install() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null
        || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
      return;
    }
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler instanceof ConsoleHandler
          && handler.getFormatter().getClass() == SimpleFormatter.class) {
        handler.setFormatter(new LineFormatter());
      }
    }
  }

  /** Formats a record as one line, without looking up its caller. */
  static final class LineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(128);
      DateTimeFormatter.ISO_INSTANT.formatTo(record.getInstant(), line);
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
