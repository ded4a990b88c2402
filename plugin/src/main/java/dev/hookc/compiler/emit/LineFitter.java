package dev.hookc.compiler.emit;

/**
 * Fits a rendered source into the column limit: Javadoc is wrapped at word boundaries, and a code
 * line still too long is broken after a comma or before an operator, outside string literals.
 *
 * <p>Emitters lay code out themselves (one argument per line where a call reads as a list,
 * JavaPoet's {@code $W} elsewhere), but the expressions compiled from {@code <% %>} and the Javadoc
 * text hold names, paths and literals from the user's YAML, whose length no emitter knows. This
 * pass is the guarantee behind them: any space between two tokens may be a line break in Java.
 */
final class LineFitter {
  /** The column limit of generated code, google-java-format's. */
  static final int COLUMNS = 100;

  private static final int CONTINUATION = 4;

  private LineFitter() {}

  /** {@code source} with every line over the limit broken where it can be. */
  static String fit(String source) {
    if (fits(source)) {
      // Nearly every generated file: nothing to break, so nothing to copy line by line.
      return source;
    }
    StringBuilder out = new StringBuilder(source.length() + 256);
    boolean inJavadoc = false;
    int start = 0;
    while (start < source.length()) {
      int end = source.indexOf('\n', start);
      String line = source.substring(start, end < 0 ? source.length() : end);
      String trimmed = line.stripLeading();
      int indent = line.length() - trimmed.length();
      if (trimmed.startsWith("/**")) {
        inJavadoc = true;
      }
      if (line.length() <= COLUMNS || trimmed.startsWith("//")) {
        out.append(line);
      } else if (inJavadoc && trimmed.startsWith("* ")) {
        wrapJavadoc(line, indent, out);
      } else if (!inJavadoc) {
        breakCode(line, indent, out);
      } else {
        out.append(line);
      }
      if (trimmed.endsWith("*/")) {
        inJavadoc = false;
      }
      if (end < 0) {
        break;
      }
      out.append('\n');
      start = end + 1;
    }
    return out.toString();
  }

  /** Whether no line of {@code source} is over the limit, when {@link #fit} changes nothing. */
  private static boolean fits(String source) {
    int start = 0;
    while (start < source.length()) {
      int end = source.indexOf('\n', start);
      if ((end < 0 ? source.length() : end) - start > COLUMNS) {
        return false;
      }
      if (end < 0) {
        return true;
      }
      start = end + 1;
    }
    return true;
  }

  /**
   * Appends {@code line} as several lines, each starting with its {@code " * "}; a block tag's
   * continuation lines are indented four more, as google-java-format does.
   */
  private static void wrapJavadoc(String line, int indent, StringBuilder out) {
    String prefix = " ".repeat(indent) + "* ";
    String text = line.substring(prefix.length());
    String continuation = text.startsWith("@") ? prefix + "    " : prefix;
    String current = prefix;
    while (current.length() + text.length() > COLUMNS) {
      int space = text.lastIndexOf(' ', COLUMNS - current.length());
      if (space <= 0) {
        // A word longer than the line: it stays whole, on a line of its own.
        space = text.indexOf(' ');
        if (space < 0) {
          break;
        }
      }
      out.append(current).append(text, 0, space).append('\n');
      text = text.substring(space + 1).stripLeading();
      current = continuation;
    }
    out.append(current).append(text);
  }

  /** Appends code {@code line} broken into pieces that fit, continued four columns further in. */
  private static void breakCode(String line, int indent, StringBuilder out) {
    String continuation = " ".repeat(indent + CONTINUATION);
    String rest = line;
    while (rest.length() > COLUMNS) {
      int at = breakBefore(rest, COLUMNS);
      if (at < 0) {
        break;
      }
      out.append(rest, 0, at).append('\n');
      rest = continuation + rest.substring(at).stripLeading();
    }
    out.append(rest);
  }

  /**
   * Where to break {@code line}: the last space before {@code limit} (so that the text before it
   * fits) that follows a comma or an assignment or precedes a binary operator, outside literals and
   * comments, past the line's indentation; else the last other space or the place after the last
   * opening parenthesis; -1 when there is none. The text after it is continued without its leading
   * spaces.
   */
  private static int breakBefore(String line, int limit) {
    int best = -1;
    // A line with no such place (a declaration or call whose generated names alone are longer
    // than the limit) breaks at any other space, or right after an opening parenthesis.
    int fallback = -1;
    int first = line.length() - line.stripLeading().length();
    char quote = 0;
    for (int i = first; i < line.length() && i <= limit; i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break;
      } else if (c == ' '
          && i > first
          && (afterCommaOrAssignment(line, i) || operatorAt(line, i + 1))) {
        best = i;
      } else if ((c == ' ' && i > first) || (c == '(' && i + 1 < limit && i + 1 < line.length())) {
        fallback = c == ' ' ? i : i + 1;
      }
    }
    return best >= 0 ? best : fallback;
  }

  private static boolean afterCommaOrAssignment(String line, int space) {
    char before = line.charAt(space - 1);
    return before == ',' || (before == '=' && space >= 2 && line.charAt(space - 2) == ' ');
  }

  private static boolean operatorAt(String line, int i) {
    for (String op : new String[] {"+ ", "&& ", "|| ", "? ", ": ", "-> "}) {
      if (line.startsWith(op, i)) {
        return true;
      }
    }
    return false;
  }
}
