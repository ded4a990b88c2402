package dev.hookc.compiler.pojo;

import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Collects the text codemodel writes for one payload class, with the same result as its default
 * writer chain: a character that the platform's default charset cannot encode, or a control
 * character other than tab, carriage return and newline, becomes a {@code \}{@code uXXXX} escape;
 * the text is then encoded in the default charset and read back as UTF-8.
 *
 * <p>That chain ({@code UnicodeEscapeWriter} over an encoding writer into bytes) passed every
 * character through its own escaping check and a synchronized write, and allocated two 8 kB buffers
 * per class: a tenth of all the time generation spent on payload classes. This appends whole runs
 * of plain characters at once.
 */
final class SourceText extends Writer {
  private static final Charset CHARSET = Charset.defaultCharset();
  private static final boolean UTF_8 = CHARSET.equals(StandardCharsets.UTF_8);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(4096);
  private CharsetEncoder encoder;

  @Override
  public void write(char[] chars, int offset, int length) {
    int run = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char ch = chars[i];
      if (ch >= 0x20 && ch < 0x80) {
        continue;
      }
      if (requireEscaping(ch)) {
        text.append(chars, run, i - run);
        escape(ch);
        run = i + 1;
      }
    }
    text.append(chars, run, end - run);
  }

  @Override
  public void write(String string, int offset, int length) {
    write(string.toCharArray(), offset, length);
  }

  @Override
  public void write(int ch) {
    write(new char[] {(char) ch}, 0, 1);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** The text as the default writer chain would have produced it. */
  String text() {
    String written = text.toString();
    // Every character left unescaped is one the charset encodes, so this only differs from the
    // text when the default charset's bytes are not UTF-8's.
    return UTF_8 ? written : new String(written.getBytes(CHARSET), StandardCharsets.UTF_8);
  }

  private boolean requireEscaping(char ch) {
    if (ch < 0x20) {
      return " \t\r\n".indexOf(ch) == -1;
    }
    if (encoder == null) {
      encoder = CHARSET.newEncoder();
    }
    return !encoder.canEncode(ch);
  }

  /** As {@code UnicodeEscapeWriter}: lower-case hex, zero-padded to four digits. */
  private void escape(char ch) {
    text.append("\\u")
        .append(HEX[(ch >> 12) & 0xF])
        .append(HEX[(ch >> 8) & 0xF])
        .append(HEX[(ch >> 4) & 0xF])
        .append(HEX[ch & 0xF]);
  }
}
