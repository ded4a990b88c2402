package dev.hookc.runtime.log;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs request bodies on {@value #LOGGER} at DEBUG, only when {@code HOOKC_LOG_BODIES=true} ({@link
 * LogSettings}): the first {@value #LIMIT} bytes, as text when they are UTF-8, else in base64, with
 * the body's size and whether it was cut. Headers are never logged.
 *
 * <p>Off unless asked for, whatever the levels: a body holds what senders send (personal data, card
 * details, tokens), and a root logger set to DEBUG to look at something else must not start copying
 * it into the log store.
 */
public final class BodyLog {

  /** The logger of request bodies. */
  public static final String LOGGER = "dev.hookc.runtime.bodies";

  /** How many bytes of a body are logged at most. */
  public static final int LIMIT = 4096;

  private static final System.Logger LOG = System.getLogger(LOGGER);
  private static final boolean ENABLED = LogSettings.ofProcess(new ArrayList<>()).bodies();

  private BodyLog() {}

  /** Logs {@code body}, of the given content type, if bodies are logged. */
  public static void request(String contentType, byte[] body) {
    if (ENABLED && body.length > 0 && LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "{0}", Body.of(contentType, body, LIMIT));
    }
  }

  /** A logged body: its text or base64, its size, whether it was cut, its content type. */
  record Body(String contentType, int bytes, boolean truncated, String text, boolean base64)
      implements LogFields {

    static Body of(String contentType, byte[] body, int limit) {
      int end = Math.min(body.length, limit);
      // Cut at a character's start, so that a cut UTF-8 body still decodes as text.
      while (end < body.length && end > 0 && (body[end] & 0xC0) == 0x80) {
        end--;
      }
      ByteBuffer kept = ByteBuffer.wrap(body, 0, end);
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(kept)
                .toString();
        return new Body(contentType, body.length, end < body.length, text, false);
      } catch (CharacterCodingException e) {
        String encoded = Base64.getEncoder().encodeToString(Arrays.copyOf(body, end));
        return new Body(contentType, body.length, end < body.length, encoded, true);
      }
    }

    @Override
    public String message() {
      return "request body";
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      if (contentType != null) {
        fields.put("contentType", contentType);
      }
      fields.put("bodyBytes", bytes);
      fields.put("bodyTruncated", truncated);
      if (base64) {
        fields.put("bodyBase64", text);
      } else {
        fields.put("body", text);
      }
      return fields;
    }

    /**
     * {@code request body (12 bytes, application/json): {"a":1}}, the text on one line: a line
     * break or other control character in it is escaped, so that a body cannot forge log lines.
     */
    @Override
    public String toString() {
      StringBuilder line =
          new StringBuilder(text.length() + 64)
              .append("request body (")
              .append(bytes)
              .append(" bytes");
      if (truncated) {
        line.append(", truncated");
      }
      if (contentType != null) {
        line.append(", ").append(contentType);
      }
      line.append(base64 ? ", base64): " : "): ");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          line.append("\\\\");
        } else if (c == '\n') {
          line.append("\\n");
        } else if (c == '\r') {
          line.append("\\r");
        } else if (c == '\t') {
          line.append("\\t");
        } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
          line.append(String.format("\\u%04x", (int) c));
        } else {
          line.append(c);
        }
      }
      return line.toString();
    }
  }
}
