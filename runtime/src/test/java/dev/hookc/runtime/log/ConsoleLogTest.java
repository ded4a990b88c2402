package dev.hookc.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {

  private final ConsoleLog.LineFormatter formatter = new ConsoleLog.LineFormatter();

  @Test
  void formatsARecordAsOneLineWithInstantLevelLoggerAndMessage() {
    LogRecord record = new LogRecord(Level.INFO, "processing callback {0}");
    record.setParameters(new Object[] {"42"});
    record.setLoggerName("hookc.functions.processData");
    record.setInstant(Instant.parse("2026-11-28T10:15:30.123Z"));

    assertThat(formatter.format(record))
        .isEqualTo(
            "2026-11-28T10:15:30.123Z INFO hookc.functions.processData: processing callback 42"
                + System.lineSeparator());
  }

  @Test
  void followsTheLineWithTheStackTraceOfAThrowable() {
    LogRecord record = new LogRecord(Level.SEVERE, "request failed");
    record.setLoggerName("dev.hookc.runtime.HookcServer");
    record.setThrown(new IllegalStateException("boom"));

    String[] lines = formatter.format(record).split(System.lineSeparator(), -1);

    assertThat(lines[0]).endsWith(" SEVERE dev.hookc.runtime.HookcServer: request failed");
    assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(lines[2]).contains("ConsoleLogTest.followsTheLineWithTheStackTraceOfAThrowable");
  }

  @Test
  void writesEachRecordOnceThroughItsTwoRelaysAndStillWritesWithOneRemoved() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    AsyncConsoleHandler console = new AsyncConsoleHandler(out, 16);
    console.setFormatter(formatter);
    java.util.logging.Logger logger = java.util.logging.Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    ConsoleLog.Relay first = new ConsoleLog.Relay(logger, console, console::close);
    ConsoleLog.Relay second = new ConsoleLog.Relay(logger, console, console::close);
    logger.addHandler(first);
    logger.addHandler(second);

    logger.info("both");
    // As the JDK's log manager does at shutdown: one handler removed, then the other.
    logger.removeHandler(first);
    logger.info("second only");
    logger.addHandler(first);
    logger.removeHandler(second);
    logger.info("first only");
    logger.info("first only");
    logger.addHandler(second);
    logger.info("both again");
    console.flush();

    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .extracting(line -> line.substring(line.indexOf(": ") + 2))
        .containsExactly("both", "second only", "first only", "first only", "both again");
    console.close();
  }
}
