package dev.hookc.runtime.internal.datasource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL statement with named parameters ({@code :id}), turned into JDBC's positional form. The
 * compiler's build-time checks and the runtime read statements with this one class, so that a
 * statement checked at build time is the statement run.
 *
 * <p>Parameters are found outside string literals ({@code '...'}, PostgreSQL's {@code E'...'} and
 * {@code $tag$...$tag$}), quoted identifiers and comments ({@code --}, nested {@code /* *}{@code
 * /}); {@code ::} is PostgreSQL's cast. A {@code ?} placeholder is refused: values are bound by
 * name only.
 *
 * @param text the statement as written
 * @param jdbc the statement with a {@code ?} for each parameter
 * @param parameters each parameter in the order of the {@code ?}s (a name used twice appears twice)
 */
public record NamedSql(String text, String jdbc, List<Parameter> parameters) {

  public NamedSql {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(jdbc, "jdbc");
    parameters = List.copyOf(parameters);
  }

  /**
   * A named parameter where it is written.
   *
   * @param name its name, without the colon
   * @param offset the index of its colon in the statement's text
   */
  public record Parameter(String name, int offset) {}

  /** A statement that cannot be read: where and why. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    SyntaxException(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    /** The index in the statement's text where the problem is. */
    public int offset() {
      return offset;
    }
  }

  /** Each parameter's name once, in the order first written. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    parameters.forEach(p -> names.add(p.name()));
    return names;
  }

  /**
   * Reads {@code text}.
   *
   * @throws SyntaxException at a {@code ?} placeholder, or a literal, identifier or comment that is
   *     never closed
   */
  public static NamedSql parse(String text) {
    StringBuilder jdbc = new StringBuilder(text.length());
    List<Parameter> parameters = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int end;
      if (c == '\'') {
        boolean escapes =
            i > 0
                && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !isIdentifierPart(text.charAt(i - 2)));
        end = closeQuoted(text, i, '\'', escapes, "a string literal");
      } else if (c == '"') {
        end = closeQuoted(text, i, '"', false, "a quoted identifier");
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int newline = text.indexOf('\n', i);
        end = newline < 0 ? n : newline;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        end = closeBlockComment(text, i);
      } else if (c == '$' && dollarTag(text, i) != null) {
        String tag = dollarTag(text, i);
        int close = text.indexOf(tag, i + tag.length());
        if (close < 0) {
          throw new SyntaxException(
              i, "the string literal opened with " + tag + " is never closed");
        }
        end = close + tag.length();
      } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
        end = i + 2;
      } else if (c == ':' && i + 1 < n && isIdentifierStart(text.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && isIdentifierPart(text.charAt(j))) {
          j++;
        }
        parameters.add(new Parameter(text.substring(i + 1, j), i));
        jdbc.append('?');
        i = j;
        continue;
      } else if (c == '?') {
        throw new SyntaxException(
            i, "a ? placeholder: statements bind values by name only, e.g. :id");
      } else {
        end = i + 1;
      }
      jdbc.append(text, i, end);
      i = end;
    }
    return new NamedSql(text, jdbc.toString(), parameters);
  }

  private static int closeQuoted(String text, int open, char quote, boolean escapes, String what) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (escapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    throw new SyntaxException(open, what + " is never closed");
  }

  private static int closeBlockComment(String text, int open) {
    int depth = 0;
    int i = open;
    while (i + 1 < text.length()) {
      if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    throw new SyntaxException(open, "a comment is never closed");
  }

  /** The tag of a dollar-quoted literal opening at {@code i} ({@code $$}, {@code $body$}). */
  private static String dollarTag(String text, int i) {
    if (i > 0 && isIdentifierPart(text.charAt(i - 1))) {
      return null; // part of a name such as a$b, or a positional $1
    }
    int j = i + 1;
    if (j < text.length() && isIdentifierStart(text.charAt(j))) {
      while (j < text.length()
          && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
        j++;
      }
    }
    return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
