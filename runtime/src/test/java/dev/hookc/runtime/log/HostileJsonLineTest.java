package dev.hookc.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** JSON log lines under text chosen to break them: each stays one line that parses. */
class HostileJsonLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE_END = System.lineSeparator();

  private final JsonLineFormatter formatter = new JsonLineFormatter();

  private static String controls() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    return all.append('\u007f').append('\u0085').append('\u009f').toString();
  }

  private static final List<String> HOSTILE =
      List.of(
          "quote \" backslash \\ slash / braces {}[]",
          "two\nlines\r\nand a fake one: {\"level\":\"ERROR\"}",
          "nul \u0000 bell \u0007 escape \u001b[31m",
          controls(),
          "line separator \u2028 paragraph separator \u2029 next line \u0085",
          "emoji \uD83D\uDE00 and a treble clef \uD834\uDD1E",
          "lone high \uD83D end",
          "lone low \uDE00 end",
          "reversed pair \uDE00\uD83D",
          "ends on a high surrogate \uD800",
          "\uFEFF byte order mark and \uFFFF non-character");

  @Test
  void writesEveryHostileMessageAsOneLineThatParsesBackToIt() throws Exception {
    for (String message : HOSTILE) {
      String line = formatter.format(record(Level.INFO, message));

      JsonNode parsed = parseOneLine(line);
      assertThat(parsed.get("message").asText())
          .as("message %s", JSON.writeValueAsString(message))
          .isEqualTo(JsonLineFormatter.text(message));
    }
  }

  @Test
  void writesLoneSurrogatesAsTheReplacementCharacterAndKeepsPairs() throws Exception {
    JsonNode parsed =
        parseOneLine(formatter.format(record(Level.INFO, "a\uD83Db\uDE00c\uD83D\uDE00")));

    assertThat(parsed.get("message").asText()).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
  }

  @Test
  void escapesTheCharactersThatSomeReadersTakeForALinesEnd() {
    String line = formatter.format(record(Level.INFO, "a\u2028b\u2029c\u0085d"));

    assertThat(line).contains("a\\u2028b\\u2029c\\u0085d");
  }

  @Test
  void keepsAMegabyteMessageOnOneLine() throws Exception {
    String message = "x\n\"".repeat(350_000);

    JsonNode parsed = parseOneLine(formatter.format(record(Level.WARNING, message)));

    assertThat(parsed.get("message").asText()).isEqualTo(message);
  }

  @Test
  void writesTheHostileTextOfLoggerThreadExceptionAndFieldsOnOneLine() throws Exception {
    for (String hostile : HOSTILE) {
      LogRecord record = record(Level.SEVERE, "{0}");
      record.setLoggerName(hostile);
      record.setParameters(new Object[] {new Fields(Map.of("value", hostile, hostile, 1))});
      record.setThrown(new IllegalStateException(hostile, new RuntimeException(hostile)));
      String name = Thread.currentThread().getName();
      String line;
      Thread.currentThread().setName(hostile);
      try {
        line = formatter.format(record);
      } finally {
        Thread.currentThread().setName(name);
      }

      JsonNode parsed = parseOneLine(line);
      String expected = JsonLineFormatter.text(hostile);
      assertThat(parsed.get("logger").asText()).isEqualTo(expected);
      assertThat(parsed.get("thread").asText()).isEqualTo(expected);
      assertThat(parsed.get("value").asText()).isEqualTo(expected);
      assertThat(parsed.get(expected).asInt()).isEqualTo(1);
      assertThat(parsed.get("error").get("message").asText()).isEqualTo(expected);
      assertThat(parsed.get("error").get("stack").asText()).contains("Caused by: ");
    }
  }

  @Test
  void writesLinesThatParseAsUtf8WhateverThePlatformCharset() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncConsoleHandler console = new AsyncConsoleHandler(out, 64, StandardCharsets.UTF_8);
    console.setFormatter(formatter);
    for (String message : HOSTILE) {
      console.publish(record(Level.INFO, message));
    }
    console.close();

    List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split(LINE_END));
    assertThat(lines).hasSize(HOSTILE.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(
              JSON.readTree(lines.get(i).getBytes(StandardCharsets.UTF_8)).get("message").asText())
          .isEqualTo(JsonLineFormatter.text(HOSTILE.get(i)));
    }
  }

  @Test
  void carriesTheWorkOfTheThreadThatLogs() throws Exception {
    Observation traced =
        new Observation() {
          @Override
          public String traceId() {
            return "4bf92f3577b34da6a3ce929d0e0e4736";
          }

          @Override
          public String spanId() {
            return "00f067aa0ba902b7";
          }
        };
    WorkContext request =
        WorkContext.of(Telemetry.NONE, "0a1b2c3d4e5f", "POST /webhooks/{id}", null, traced);

    JsonNode parsed;
    WorkContext.Scope scope = WorkContext.enter(request);
    WorkContext.Scope task = WorkContext.task("payments.record.store");
    try {
      parsed = parseOneLine(formatter.format(record(Level.FINE, "stored")));
    } finally {
      task.close();
      scope.close();
    }

    assertThat(parsed.get("requestId").asText()).isEqualTo("0a1b2c3d4e5f");
    assertThat(parsed.get("route").asText()).isEqualTo("POST /webhooks/{id}");
    assertThat(parsed.get("task").asText()).isEqualTo("payments.record.store");
    assertThat(parsed.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parsed.get("spanId").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(parsed.get("level").asText()).isEqualTo("DEBUG");
    assertThat(parsed.has("deliveryId")).isFalse();
    assertThat(parseOneLine(formatter.format(record(Level.INFO, "outside"))).has("requestId"))
        .isFalse();
  }

  @Test
  void writesTimeInMillisecondsAndTheLevelsThatLogToolsKnow() throws Exception {
    LogRecord record = record(Level.SEVERE, "boom");
    record.setInstant(Instant.parse("2026-11-28T10:15:30.000123456Z"));

    JsonNode parsed = parseOneLine(formatter.format(record));

    assertThat(parsed.get("time").asText()).isEqualTo("2026-11-28T10:15:30.000Z");
    assertThat(parsed.get("level").asText()).isEqualTo("ERROR");
    assertThat(parsed.get("logger").asText()).isEqualTo("hookc.test");
    assertThat(JsonLineFormatter.level(Level.WARNING)).isEqualTo("WARN");
    assertThat(JsonLineFormatter.level(Level.FINER)).isEqualTo("TRACE");
  }

  @Test
  void aRecordsFieldsNeverReplaceTheKeysOfTheLineOrOfTheWork() throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("message", "forged");
    fields.put("level", "ERROR");
    fields.put("requestId", "forged");
    fields.put("status", 200);
    fields.put("durationMs", new java.math.BigDecimal("1.234"));
    LogRecord record = record(Level.FINE, "{0}");
    record.setParameters(new Object[] {new Fields(fields)});

    JsonNode parsed;
    WorkContext.Scope scope =
        WorkContext.enter(WorkContext.of(Telemetry.NONE, "abc", "POST /x", null, Observation.NONE));
    try {
      parsed = parseOneLine(formatter.format(record));
    } finally {
      scope.close();
    }

    assertThat(parsed.get("message").asText()).isEqualTo("fields");
    assertThat(parsed.get("level").asText()).isEqualTo("DEBUG");
    assertThat(parsed.get("requestId").asText()).isEqualTo("abc");
    assertThat(parsed.get("status").asInt()).isEqualTo(200);
    assertThat(parsed.get("durationMs").decimalValue()).isEqualByComparingTo("1.234");
  }

  /** Parses {@code line} as one JSON object, after checking that nothing in it ends a line. */
  private static JsonNode parseOneLine(String line) throws Exception {
    assertThat(line).endsWith(LINE_END);
    String body = line.substring(0, line.length() - LINE_END.length());
    assertThat(body).doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029");
    assertThat(body.chars().filter(c -> c < 0x20 || (c >= 0x7f && c < 0xa0))).isEmpty();
    // No lone surrogate, which has no UTF-8 form.
    assertThat(JsonLineFormatter.text(body)).isSameAs(body);
    JsonNode parsed = JSON.readTree(body);
    assertThat(parsed.isObject()).isTrue();
    return parsed;
  }

  private static LogRecord record(Level level, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("hookc.test");
    return record;
  }

  private record Fields(Map<String, Object> fields) implements LogFields {
    @Override
    public String message() {
      return "fields";
    }
  }
}
