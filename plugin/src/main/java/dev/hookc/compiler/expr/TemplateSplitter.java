package dev.hookc.compiler.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a scalar's text into literal text and {@code <% %>} expressions.
 *
 * <p>The closing {@code %>} is searched outside string literals, so {@code <% "a %> b" %>} is one
 * expression. An unterminated {@code <%} is reported at its own position.
 */
final class TemplateSplitter {

  /** A piece of a template. */
  sealed interface Part {}

  /** Literal text between expressions. */
  record Text(String text) implements Part {}

  /**
   * The source of one expression.
   *
   * @param offset where {@code source} starts in the scalar's text
   * @param open where its {@code <%} starts
   */
  record Code(String source, int offset, int open) implements Part {}

  /** The parts, or the offset of an unterminated {@code <%}. */
  record Result(List<Part> parts, int unterminatedAt) {
    boolean ok() {
      return unterminatedAt < 0;
    }
  }

  private TemplateSplitter() {}

  static boolean isTemplate(String text) {
    return text.contains("<%");
  }

  static Result split(String text) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("<%", i);
      if (open < 0) {
        parts.add(new Text(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Text(text.substring(i, open)));
      }
      int close = findClose(text, open + 2);
      if (close < 0) {
        return new Result(List.copyOf(parts), open);
      }
      parts.add(new Code(text.substring(open + 2, close), open + 2, open));
      i = close + 2;
    }
    return new Result(List.copyOf(parts), -1);
  }

  private static int findClose(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
        return i;
      }
    }
    return quote != 0 ? findCloseIgnoringQuotes(text, from) : -1;
  }

  /** An unclosed quote inside is reported by the tokenizer, at the quote, not as a missing %>. */
  private static int findCloseIgnoringQuotes(String text, int from) {
    return text.indexOf("%>", from);
  }
}
