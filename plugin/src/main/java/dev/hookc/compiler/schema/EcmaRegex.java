package dev.hookc.compiler.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates an ECMA-262 regular expression, the dialect JSON Schema's {@code pattern} uses, into
 * an equivalent {@link java.util.regex.Pattern}, at build time so that nothing is translated per
 * request.
 *
 * <p>The dialects differ where a naive copy would silently change meaning: {@code \d}, {@code \w}
 * and {@code \s} have fixed ECMA sets, {@code $} matches only at the very end, {@code .} stops at
 * four line terminators, a braced {@code u} escape names a code point, a lone brace is a literal,
 * and {@code [} or {@code &&} inside a class are literals.
 */
final class EcmaRegex {
  private static final String WHITESPACE =
      "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");
  private static final Map<String, String> PROPERTY_NAMES =
      Map.of(
          "Letter", "L",
          "Lowercase_Letter", "Ll",
          "Uppercase_Letter", "Lu",
          "Number", "N",
          "Decimal_Number", "Nd",
          "digit", "Nd",
          "Punctuation", "P",
          "Symbol", "S",
          "Mark", "M");

  private EcmaRegex() {}

  /** The java.util.regex source that matches what {@code ecma} matches. */
  static String translate(String ecma) {
    StringBuilder out = new StringBuilder(ecma.length() + 16);
    boolean inClass = false;
    int n = ecma.length();
    for (int i = 0; i < n; i++) {
      char c = ecma.charAt(i);
      if (c == '\\') {
        i = escape(ecma, i, inClass, out);
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(c);
        } else if (c == '[' || c == '&') {
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
      } else if (c == '[') {
        if (ecma.startsWith("[^]", i)) {
          out.append("[\\s\\S]");
          i += 2;
        } else if (ecma.startsWith("[]", i)) {
          out.append("(?!)");
          i += 1;
        } else {
          inClass = true;
          out.append('[');
          if (i + 1 < n && ecma.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
        }
      } else if (c == '$') {
        out.append("\\z");
      } else if (c == '.') {
        out.append("[^\\n\\r\\u2028\\u2029]");
      } else if (c == '{') {
        Matcher quantifier = QUANTIFIER.matcher(ecma).region(i, n);
        if (quantifier.lookingAt()) {
          out.append(quantifier.group());
          i = quantifier.end() - 1;
        } else {
          out.append("\\{");
        }
      } else if (c == '}') {
        out.append("\\}");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Translates the escape starting at {@code i}; returns the index of its last character. */
  private static int escape(String ecma, int i, boolean inClass, StringBuilder out) {
    if (i + 1 >= ecma.length()) {
      out.append('\\');
      return i;
    }
    char e = ecma.charAt(i + 1);
    switch (e) {
      case 'd' -> out.append(inClass ? "0-9" : "[0-9]");
      case 'D' -> out.append("[^0-9]");
      case 'w' -> out.append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
      case 'W' -> out.append("[^a-zA-Z0-9_]");
      case 's' -> out.append(inClass ? WHITESPACE : "[" + WHITESPACE + "]");
      case 'S' -> out.append("[^" + WHITESPACE + "]");
      case 'v' -> out.append("\\x0B");
      case '/' -> out.append('/');
      case 'b' -> out.append(inClass ? "\\x08" : "\\b");
      case 'u' -> {
        if (i + 2 < ecma.length() && ecma.charAt(i + 2) == '{') {
          int close = ecma.indexOf('}', i + 3);
          if (close > 0) {
            out.append("\\x{").append(ecma, i + 3, close).append('}');
            return close;
          }
        }
        out.append("\\u");
      }
      case 'p', 'P' -> {
        int close = ecma.indexOf('}', i + 3);
        if (i + 2 < ecma.length() && ecma.charAt(i + 2) == '{' && close > 0) {
          String name = ecma.substring(i + 3, close);
          out.append('\\').append(e).append('{');
          out.append(PROPERTY_NAMES.getOrDefault(name, name)).append('}');
          return close;
        }
        out.append('\\').append(e);
      }
      case '0' -> out.append("\\x00");
      default -> out.append('\\').append(e);
    }
    return i + 1;
  }
}
