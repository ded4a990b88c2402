package dev.hookc.runtime;

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

    String[] lines = formatter.format(record).split(System.lineSeparator());

    assertThat(lines[0]).endsWith(" SEVERE dev.hookc.runtime.HookcServer: request failed");
    assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(lines[2]).contains("ConsoleLogTest.followsTheLineWithTheStackTraceOfAThrowable");
  }
}
