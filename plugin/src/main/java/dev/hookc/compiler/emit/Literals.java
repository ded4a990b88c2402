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
    while (text.length() - start > PIECE) {
      int end =
          Math.max(text.lastIndexOf(' ', start + PIECE), text.lastIndexOf(',', start + PIECE));
      if (end <= start) {
        end = start + PIECE - 1;
      }
      if (Character.isHighSurrogate(text.charAt(end))) {
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
}
