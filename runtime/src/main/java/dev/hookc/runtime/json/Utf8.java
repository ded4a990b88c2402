package dev.hookc.runtime.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: text that must match its bytes exactly, or not be accepted at all. */
public final class Utf8 {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
    return firstMalformed(bytes, 0, bytes.length) < 0;
  }

  /**
   * The index of the first byte of the first sequence in {@code bytes[from..to)} that is not
   * well-formed UTF-8, or -1 if there is none.
   */
  static int firstMalformed(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      // ASCII eight bytes at a time: most bodies hold nothing else.
      if (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
        i += 8;
        continue;
      }
      int lead = bytes[i];
      if (lead >= 0) {
        i++;
        continue;
      }
      lead &= 0xFF;
      int length = sequenceLength(lead);
      if (length == 0 || i + length > to) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < secondLow(lead) || second > secondHigh(lead)) {
        return i;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }

  /**
   * What is wrong with the sequence at {@code at}, which {@link #firstMalformed} found, for a
   * message: {@code (byte 0xF8)}, {@code (byte 0x28 after 0xC3)} or {@code (a sequence is cut
   * short)}.
   */
  static String malformation(byte[] bytes, int at, int to) {
    int lead = bytes[at] & 0xFF;
    int length = sequenceLength(lead);
    if (length < 2) {
      return String.format("(byte 0x%02X)", lead);
    }
    for (int k = 1; k < length && at + k < to; k++) {
      int next = bytes[at + k] & 0xFF;
      if (next < (k == 1 ? secondLow(lead) : 0x80) || next > (k == 1 ? secondHigh(lead) : 0xBF)) {
        return String.format("(byte 0x%02X after 0x%02X)", next, lead);
      }
    }
    return "(a sequence is cut short)";
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
