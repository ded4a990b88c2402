package dev.hookc.compiler.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates an ECMA-262 regular expression, the dialect JSON Schema's {@code pattern} uses, into
 * the syntax of the engine that runs it, at build time so that nothing is translated per request:
 * RE2/J ({@link #toRe2j}), which runs every pattern it can in linear time, and java.util.regex
 * ({@link #toJava}) for the rest.
 *
 * <p>The dialects differ where a naive copy would silently change meaning: {@code \d}, {@code \w}
 * and {@code \s} have fixed ECMA sets, {@code $} matches only at the very end, {@code .} stops at
 * four line terminators, a braced {@code u} escape names a code point, a lone brace is a literal,
 * and {@code [} or {@code &&} inside a class are literals. The output uses only syntax both engines
 * read alike ({@code \x{...}} for code points, explicit ranges inside classes), except for script
 * properties, which each engine spells its own way.
 */
final class EcmaRegex {
  private static final String WHITESPACE =
      "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}"
          + "\\x{3000}\\x{FEFF}";

  /** {@code [^WHITESPACE]} as ranges, since a negated class cannot nest inside another in RE2/J. */
  private static final String NOT_WHITESPACE =
      "\\x{0}-\\x{8}\\x{E}-\\x{1F}!-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}"
          + "\\x{202A}-\\x{202E}\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}"
          + "\\x{FF00}-\\x{10FFFF}";

  private static final String NOT_DIGIT = "\\x{0}-/:-\\x{10FFFF}";
  private static final String NOT_WORD = "\\x{0}-/:-@\\[-\\^`\\{-\\x{10FFFF}";
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

  private final String ecma;
  private final boolean re2j;
  private final StringBuilder out;

  private EcmaRegex(String ecma, boolean re2j) {
    this.ecma = ecma;
    this.re2j = re2j;
    this.out = new StringBuilder(ecma.length() + 16);
  }

  /** The java.util.regex source that matches what {@code ecma} matches. */
  static String toJava(String ecma) {
    return new EcmaRegex(ecma, false).translate();
  }

  /** The RE2/J source that matches what {@code ecma} matches, if RE2/J can compile it. */
  static String toRe2j(String ecma) {
    return new EcmaRegex(ecma, true).translate();
  }

  private String translate() {
    boolean inClass = false;
    int n = ecma.length();
    for (int i = 0; i < n; i++) {
      char c = ecma.charAt(i);
      if (c == '\\') {
        i = escape(i, inClass);
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
          out.append("[^\\x{0}-\\x{10FFFF}]");
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
        out.append("[^\\n\\r\\x{2028}\\x{2029}]");
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
  private int escape(int i, boolean inClass) {
    if (i + 1 >= ecma.length()) {
      out.append('\\');
      return i;
    }
    char e = ecma.charAt(i + 1);
    switch (e) {
      case 'd' -> out.append(inClass ? "0-9" : "[0-9]");
      case 'D' -> out.append(inClass ? NOT_DIGIT : "[^0-9]");
      case 'w' -> out.append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
      case 'W' -> out.append(inClass ? NOT_WORD : "[^a-zA-Z0-9_]");
      case 's' -> out.append(inClass ? WHITESPACE : "[" + WHITESPACE + "]");
      case 'S' -> out.append(inClass ? NOT_WHITESPACE : "[^" + WHITESPACE + "]");
      case 'v' -> out.append("\\x0B");
      case '/' -> out.append('/');
      case 'b' -> out.append(inClass ? "\\x08" : "\\b");
      case 'c' -> {
        char letter = i + 2 < ecma.length() ? ecma.charAt(i + 2) : 0;
        if ((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z')) {
          codePoint(letter % 32);
          return i + 2;
        }
        out.append("\\c");
      }
      case 'u' -> {
        return unicodeEscape(i);
      }
      case 'p', 'P' -> {
        return property(i, e);
      }
      case '0' -> out.append("\\x00");
      default -> out.append('\\').append(e);
    }
    return i + 1;
  }

  /** {@code \}{@code u{...}}, {@code \}{@code uXXXX}, or a surrogate pair of the latter. */
  private int unicodeEscape(int i) {
    if (i + 2 < ecma.length() && ecma.charAt(i + 2) == '{') {
      int close = ecma.indexOf('}', i + 3);
      if (close > 0) {
        out.append("\\x{").append(ecma, i + 3, close).append('}');
        return close;
      }
    }
    int unit = hex4(i + 2);
    if (unit < 0) {
      out.append("\\u");
      return i + 1;
    }
    int low = ecma.startsWith("\\u", i + 6) ? hex4(i + 8) : -1;
    if (Character.isHighSurrogate((char) unit)
        && low >= 0
        && Character.isLowSurrogate((char) low)) {
      codePoint(Character.toCodePoint((char) unit, (char) low));
      return i + 11;
    }
    codePoint(unit);
    return i + 5;
  }

  /**
   * {@code \p{...}} or {@code \P{...}} with ECMA's long names mapped to the engines' short ones.
   */
  private int property(int i, char e) {
    int close = ecma.indexOf('}', i + 3);
    if (i + 2 >= ecma.length() || ecma.charAt(i + 2) != '{' || close < 0) {
      out.append('\\').append(e);
      return i + 1;
    }
    String name = ecma.substring(i + 3, close);
    int equals = name.indexOf('=');
    if (equals > 0) {
      String key = name.substring(0, equals);
      String value = name.substring(equals + 1);
      if (key.equals("General_Category") || key.equals("gc")) {
        name = value;
      } else if (re2j && (key.equals("Script") || key.equals("sc"))) {
        // RE2/J names scripts bare; java.util.regex reads ECMA's Script=Greek as it is.
        name = value;
      }
    }
    out.append('\\').append(e).append('{');
    out.append(PROPERTY_NAMES.getOrDefault(name, name)).append('}');
    return close;
  }

  /** The value of four hex digits at {@code at}, or -1. */
  private int hex4(int at) {
    if (at + 4 > ecma.length()) {
      return -1;
    }
    int value = 0;
    for (int k = at; k < at + 4; k++) {
      int digit = Character.digit(ecma.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private void codePoint(int value) {
    out.append("\\x{").append(Integer.toHexString(value).toUpperCase(Locale.ROOT));
    out.append('}');
  }
}
