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

  /**
   * Whether {@code bytes} are well-formed UTF-8, exactly as {@link #decode} would accept them,
   * without decoding: checking every request body this way costs a scan where decoding it cost a
   * copy and a string.
   */
  public static boolean isWellFormed(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i];
      if (lead >= 0) {
        i++;
        continue;
      }
      lead &= 0xFF;
      int length = sequenceLength(lead);
      if (length == 0 || i + length > bytes.length) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < secondLow(lead) || second > secondHigh(lead)) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  // The byte ranges of the Unicode Standard's table 3-7: no overlong forms, no surrogates, nothing
  // above U+10FFFF. Lead bytes are given as 0 to 255.

  /** How many bytes the sequence that {@code lead} starts has; 0 if none may start with it. */
  static int sequenceLength(int lead) {
    if (lead < 0x80) {
      return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 3;
    }
    return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  }

  /**
   * The lowest byte that may follow {@code lead}: higher after E0 and F0, against overlong forms.
   */
  static int secondLow(int lead) {
    return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  }

  /** The highest byte that may follow {@code lead}: lower after ED (surrogates) and F4. */
  static int secondHigh(int lead) {
    return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  }
}
