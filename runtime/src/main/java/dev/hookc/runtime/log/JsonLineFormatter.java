package dev.hookc.runtime.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.hookc.runtime.telemetry.WorkContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a record as one JSON object on one line: {@code time}, {@code level}, {@code logger},
 * {@code message}, {@code thread}, the work the thread was doing ({@code requestId}, {@code
 * traceId}, {@code spanId}, {@code route}, {@code deliveryId}, {@code task}) when it was doing
 * some, the record's {@link LogFields}, and a throwable as {@code error} ({@code type}, {@code
 * message}, {@code stack}).
 *
 * <p>The work and the thread are those of the thread that formats: {@link AsyncConsoleHandler}
 * formats on the thread that logs, before the line is queued for its writer thread.
 *
 * <p>No character of the text can end the line or make it invalid: Jackson escapes the control
 * characters below U+0020, this class also escapes U+007F to U+009F (U+0085 is a line break to some
 * readers) and U+2028 and U+2029, and a lone surrogate, which has no UTF-8 form, is written as
 * U+FFFD.
 */
final class JsonLineFormatter extends Formatter {

  private static final JsonFactory FACTORY =
      new JsonFactory().setCharacterEscapes(new LineEscapes());

  // Names a record's fields cannot take: the line's own keys.
  private static final Set<String> FIXED =
      Set.of("time", "level", "logger", "message", "thread", "error");

  private final InstantText instants = new InstantText();

  @Override
  public String format(LogRecord record) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(line)) {
      json.writeStartObject();
      StringBuilder time = new StringBuilder(24);
      instants.appendMillis(record.getInstant(), time);
      json.writeStringField("time", time.toString());
      json.writeStringField("level", level(record.getLevel()));
      json.writeStringField("logger", text(record.getLoggerName()));
      LogFields fields = ConsoleLog.fieldsOf(record);
      json.writeStringField(
          "message", text(fields != null ? fields.message() : formatMessage(record)));
      json.writeStringField("thread", text(Thread.currentThread().getName()));
      WorkContext work = WorkContext.current();
      if (work != null) {
        optional(json, "requestId", work.requestId());
        optional(json, "traceId", work.traceId());
        optional(json, "spanId", work.spanId());
        optional(json, "route", work.route());
        optional(json, "deliveryId", work.deliveryId());
        optional(json, "task", work.task());
      }
      if (fields != null) {
        fields(json, fields, work);
      }
      if (record.getThrown() != null) {
        error(json, record.getThrown());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return line.append(System.lineSeparator()).toString();
  }

  /** The names of {@link System.Logger.Level}, which hookc logs with, and which log tools know. */
  static String level(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.CONFIG.intValue()) {
      return "INFO";
    }
    return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }

  private static void optional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, text(value));
    }
  }

  private static void fields(JsonGenerator json, LogFields fields, WorkContext work)
      throws IOException {
    for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
      String name = field.getKey();
      // A key of the line, or one of the work's that it has: written once, the line's own.
      if (FIXED.contains(name) || written(work, name)) {
        continue;
      }
      Object value = field.getValue();
      json.writeFieldName(text(name));
      if (value == null) {
        json.writeNull();
      } else if (value instanceof Boolean flag) {
        json.writeBoolean(flag);
      } else if (value instanceof Integer || value instanceof Long) {
        json.writeNumber(((Number) value).longValue());
      } else if (value instanceof BigDecimal decimal) {
        json.writeNumber(decimal);
      } else if (value instanceof Double || value instanceof Float) {
        json.writeNumber(((Number) value).doubleValue());
      } else {
        json.writeString(text(value.toString()));
      }
    }
  }

  private static boolean written(WorkContext work, String name) {
    if (work == null) {
      return false;
    }
    return switch (name) {
      case "requestId" -> work.requestId() != null;
      case "traceId" -> work.traceId() != null;
      case "spanId" -> work.spanId() != null;
      case "route" -> work.route() != null;
      case "deliveryId" -> work.deliveryId() != null;
      case "task" -> work.task() != null;
      default -> false;
    };
  }

  private static void error(JsonGenerator json, Throwable thrown) throws IOException {
    StringWriter stack = new StringWriter(1024);
    thrown.printStackTrace(new PrintWriter(stack));
    json.writeObjectFieldStart("error");
    json.writeStringField("type", thrown.getClass().getName());
    optional(json, "message", thrown.getMessage());
    json.writeStringField("stack", text(stack.toString()));
    json.writeEndObject();
  }

  /** {@code value} with each lone surrogate replaced by U+FFFD; null as null. */
  static String text(String value) {
    if (value == null) {
      return null;
    }
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return replaceLoneSurrogates(value);
      }
    }
    return value;
  }

  private static String replaceLoneSurrogates(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** JSON's escapes, plus those of the characters that some readers take for a line's end. */
  private static final class LineEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializableString[] C1 = new SerializableString[0x20];
    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    static {
      ASCII[0x7F] = ESCAPE_STANDARD;
      for (int c = 0x80; c < 0xA0; c++) {
        C1[c - 0x80] = new SerializedString(String.format("\\u%04x", c));
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch >= 0x80 && ch < 0xA0) {
        return C1[ch - 0x80];
      }
      if (ch == 0x2028) {
        return LINE_SEPARATOR;
      }
      return ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
    }
  }
}
