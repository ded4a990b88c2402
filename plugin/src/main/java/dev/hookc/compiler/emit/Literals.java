package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** String literals of generated code that fit its line width. */
final class Literals {
  /** The longest piece of a literal split over lines, so that an indented piece still fits. */
  private static final int PIECE = 72;

  private Literals() {}

  /**
   * {@code text} as one literal, or as a concatenation of pieces split after spaces, each of which
   * may go on its own line ({@code "The request body " + "does not match"}).
   */
  static CodeBlock wrapped(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > PIECE) {
      int space = text.lastIndexOf(' ', start + PIECE);
      if (space <= start) {
        break;
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, space + 1)));
      start = space + 1;
    }
    pieces.add(CodeBlock.of("$S", text.substring(start)));
    return CodeBlock.join(pieces, "\n+ ");
  }
}
