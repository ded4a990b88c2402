package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** String literals of generated code that fit its line width. */
final class Literals {
  /** The longest piece of a literal split over lines, so that an indented piece still fits. */
  private static final int PIECE = 80;

  private Literals() {}

  /**
   * {@code text} as one literal, or as a concatenation of pieces, one a line, split after a space
   * or a comma where there is one ({@code "The request body " + "does not match"}).
   */
  static CodeBlock wrapped(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (escapedWidth(text, start, text.length()) > PIECE) {
      // A piece ends after a space or comma among its first PIECE + 1 columns, else after PIECE
      // columns. Columns count escapes (a quote is \", two), so JSON full of quotes fits too.
      int last = start;
      int width = escapedWidth(text.charAt(start));
      while (last + 1 < text.length() && width + escapedWidth(text.charAt(last + 1)) <= PIECE + 1) {
        last++;
        width += escapedWidth(text.charAt(last));
      }
      int end = Math.max(text.lastIndexOf(' ', last), text.lastIndexOf(',', last));
      if (end <= start) {
        end = Math.max(start, last - 1);
      }
      if (Character.isHighSurrogate(text.charAt(end)) && end > start) {
        end--;
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, end + 1)));
      start = end + 1;
    }
    pieces.add(CodeBlock.of("$S", text.substring(start)));
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    // The pieces after the first continue four columns further in.
    return CodeBlock.of("$>$>$L$<$<", CodeBlock.join(pieces, "\n+ "));
  }

  private static int escapedWidth(String text, int from, int to) {
    int width = 0;
    for (int i = from; i < to; i++) {
      width += escapedWidth(text.charAt(i));
    }
    return width;
  }

  /** How many columns JavaPoet's {@code $S} writes for {@code c}. */
  private static int escapedWidth(char c) {
    if (c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') {
      return 2;
    }
    return Character.isISOControl(c) ? 6 : 1;
  }
}
