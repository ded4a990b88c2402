package dev.hookc.compiler.schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The two decodings of a {@code $ref}'s fragment (RFC 3986 percent-encoding, then RFC 6901's {@code
 * ~0}/{@code ~1}), shared by the validators' schema index and the payload classes' resolver, so
 * that both find the same definition for the same reference.
 */
public final class JsonPointers {
  private JsonPointers() {}

  /** A pointer's reference token with {@code ~1} and {@code ~0} undone. */
  public static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  /** RFC 3986 percent-decoding as UTF-8; a {@code %} not followed by two hex digits stays. */
  public static String percentDecode(String text) {

    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
