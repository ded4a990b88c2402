package dev.hookc.runtime;

/**
 * Decodes a JSON string with escapes or non-ASCII text, for {@link JsonTreeReader}: UTF-8 strictly
 * (RFC 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF), escapes as Jackson
 * reads them ({@code \}{@code uD800} alone is a lone surrogate, as in Java strings).
 */
final class Utf8Strings {

  private final JsonTreeReader reader;
  private final byte[] in;
  private final int end;

  Utf8Strings(JsonTreeReader reader) {
    this.reader = reader;
    this.in = reader.input();
    this.end = reader.end();
  }

  /**
   * The string whose text starts at {@code first}, leaving the reader after its closing quote. A
   * negative {@code limit} limits a property name's UTF-8 bytes, any other the characters.
   */
  String rest(int first, int limit) {
    char[] out = reader.chars(Math.min(end - first, 1024));
    int n = 0;
    int bytes = 0;
    int i = first;
    while (true) {
      if (i >= end) {
        throw fail(i, "unexpected end of the document in a string");
      }
      if (n + 2 > out.length) {
        out = grow(out, n);
      }
      int b = in[i];
      if (b == '"') {
        break;
      }
      int before = n;
      if (b == '\\') {
        i = escape(i, out, n++);
      } else if (b >= 0x20) {
        out[n++] = (char) b;
        i++;
      } else if (b >= 0) {
        throw fail(
            i,
            String.format(
                "unescaped control character U+%04X in a string; escape it with a backslash", b));
      } else {
        int codePoint = codePoint(i);
        i += b >= (byte) 0xF0 ? 4 : b >= (byte) 0xE0 ? 3 : 2;
        n += Character.toChars(codePoint, out, n);
      }
      bytes += utf8Length(out, before, n);
      if (limit < 0 ? bytes > JsonTreeReader.MAX_NAME_BYTES : n > limit) {
        throw fail(
            first - 1,
            limit < 0
                ? "a property name in the document is too long"
                : "a string in the document is too long");
      }
    }
    reader.moveTo(i + 1);
    return new String(out, 0, n);
  }

  /**
   * Decodes the escape at {@code i} into {@code out[n]}, returning the index after it. Each {@code
   * \\u} escape is one char, so a pair of them makes a surrogate pair and one alone a lone
   * surrogate, as in Jackson.
   */
  private int escape(int i, char[] out, int n) {
    if (i + 1 >= end) {
      throw fail(end, "unexpected end of the document in a string");
    }
    int c = in[i + 1];
    char decoded;
    switch (c) {
      case '"' -> decoded = '"';
      case '\\' -> decoded = '\\';
      case '/' -> decoded = '/';
      case 'b' -> decoded = '\b';
      case 'f' -> decoded = '\f';
      case 'n' -> decoded = '\n';
      case 'r' -> decoded = '\r';
      case 't' -> decoded = '\t';
      case 'u' -> {
        out[n] = hex4(i + 2);
        return i + 6;
      }
      default ->
          throw fail(
              i + 1,
              c >= 0x20 && c < 0x7F
                  ? "invalid escape '\\" + (char) c + "' in a string"
                  : "invalid escape in a string");
    }
    out[n] = decoded;
    return i + 2;
  }

  private char hex4(int at) {
    int value = 0;
    for (int k = at; k < at + 4; k++) {
      if (k >= end) {
        throw fail(end, "unexpected end of the document in a \\u escape");
      }
      int digit = Character.digit(in[k], 16);
      if (digit < 0 || in[k] < 0) {
        throw fail(k, "expected four hex digits after \\u in a string");
      }
      value = value << 4 | digit;
    }
    return (char) value;
  }

  /** The code point of the well-formed UTF-8 sequence at {@code i}. */
  private int codePoint(int i) {
    int b = in[i] & 0xFF;
    int length = Utf8.sequenceLength(b);
    if (length < 2) {
      throw fail(i, String.format("the body is not valid UTF-8 (byte 0x%02X)", b));
    }
    int count = length - 1;
    int min = Utf8.secondLow(b);
    int max = Utf8.secondHigh(b);
    int value = b & (0x3F >> count);
    for (int k = 1; k <= count; k++) {
      if (i + k >= end) {
        throw fail(i, "the body is not valid UTF-8 (a sequence is cut short)");
      }
      int next = in[i + k] & 0xFF;
      if (next < (k == 1 ? min : 0x80) || next > (k == 1 ? max : 0xBF)) {
        throw fail(
            i, String.format("the body is not valid UTF-8 (byte 0x%02X after 0x%02X)", next, b));
      }
      value = value << 6 | (next & 0x3F);
    }
    return value;
  }

  private static int utf8Length(char[] out, int from, int to) {
    int length = 0;
    for (int k = from; k < to; k++) {
      char c = out[k];
      length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return length;
  }

  private char[] grow(char[] out, int n) {
    char[] bigger = reader.chars(out.length * 2);
    System.arraycopy(out, 0, bigger, 0, n);
    return bigger;
  }

  private HttpProblem fail(int at, String reason) {
    reader.moveTo(at);
    return reader.error(reason);
  }
}
