package dev.hookc.runtime.json;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a request body's headers let hookc read its bytes as UTF-8, checked before a JSON or form
 * body is parsed.
 */
public final class BodyRepresentation {
  private static final String ASCII_TEXT = "{\"az\":[\"AZ09\", 1.5e-3, true]}&=%+";
  private static final byte[] ASCII_SAMPLE = ASCII_TEXT.getBytes(StandardCharsets.US_ASCII);

  private BodyRepresentation() {}

  /**
   * Refuses a body whose headers say its bytes are not the UTF-8 text hookc reads them as: a
   * content coding other than identity (hookc undoes none), a charset other than UTF-8 unless the
   * bytes are ASCII and the charset ASCII-based (so they read the same in both, as the ASCII forms
   * that providers label windows-1252 do), or two different {@code Content-Type} headers. Read as
   * UTF-8 anyway, such a body could pass as another delivery than the one sent.
   *
   * @throws HttpProblem 415 for a coding or charset, 400 for two content types
   */
  public static void requireUtf8(Request request) {
    byte[] body = request.bodyBytes();
    if (body.length == 0) {
      return;
    }
    for (String value : request.headerValues("content-encoding")) {
      for (String coding : value.split(",", -1)) {
        String name = coding.trim();
        if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
          throw unsupported("the content coding " + name + " is not supported; send the body as is")
              .withHeader("Accept-Encoding", "identity");
        }
      }
    }
    List<String> types = request.headerValues("content-type");
    if (types.size() > 1 && types.stream().map(String::trim).distinct().count() > 1) {
      throw Problems.badRequest("the request has more than one Content-Type");
    }
    String charset = types.isEmpty() ? null : charset(types.get(0));
    if (charset != null && !isUtf8(charset) && !(asciiBased(charset) && isAscii(body))) {
      throw unsupported(
          "the charset " + charset + " is not supported for this body; send it as UTF-8");
    }
  }

  private static HttpProblem unsupported(String detail) {
    return new HttpProblem(415, "Unsupported Media Type", detail)
        .withType(Problems.TYPE_PREFIX + "unsupported-media-type");
  }

  /** The {@code charset} parameter of a Content-Type, unquoted, or null. */
  private static String charset(String contentType) {
    String[] parts = contentType.split(";", -1);
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
        String value = parameter.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  private static boolean isUtf8(String charset) {
    return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
  }

  /** Whether {@code charset} is one the JDK knows and that writes ASCII as ASCII bytes. */
  private static boolean asciiBased(String charset) {
    try {
      Charset known = Charset.forName(charset);
      return known.canEncode() && Arrays.equals(ASCII_SAMPLE, ASCII_TEXT.getBytes(known));
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
