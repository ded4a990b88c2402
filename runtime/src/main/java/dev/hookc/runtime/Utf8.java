package dev.hookc.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: text that must match its bytes exactly, or not be accepted at all. */
public final class Utf8 {
  private Utf8() {}

  /**
   * {@code bytes} as text.
   *
   * @throws CharacterCodingException if they are not well-formed UTF-8
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    // The JDK's own decoding is several times faster than a CharsetDecoder's and replaces every
    // malformed sequence with U+FFFD; only a text that holds one needs the strict check.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
