package dev.hookc.compiler.expr;

/**
 * A token of an expression.
 *
 * @param kind what it is
 * @param text its source text; for a string literal, its value after escapes
 * @param offset where it starts in the expression's source
 */
record Token(Kind kind, String text, int offset) {

  /** Token kinds; punctuation kinds carry their spelling. */
  enum Kind {
    NUMBER,
    STRING,
    IDENTIFIER,
    PUNCT,
    /** A token of JavaScript that the language does not support; its text says what it is. */
    UNSUPPORTED,
    END
  }

  boolean is(String punct) {
    return kind == Kind.PUNCT && text.equals(punct);
  }

  boolean isWord(String word) {
    return kind == Kind.IDENTIFIER && text.equals(word);
  }

  String describe() {
    return switch (kind) {
      case END -> "end of expression";
      case STRING -> "string literal";
      case NUMBER -> "number " + text;
      default -> "'" + text + "'";
    };
  }
}
