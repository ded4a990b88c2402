package dev.hookc.compiler.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an expression's source into tokens. JavaScript punctuation the language does not support
 * ({@code =}, {@code =>}, {@code ++}, {@code ;}, backticks, bitwise operators, ...) is recognised
 * as such, so the error can name it instead of calling it an unexpected character.
 */
final class Tokenizer {
  /** Longest first, so that {@code ===} is not read as {@code ==} and {@code =}. */
  private static final List<String> PUNCTUATION =
      List.of(
          ">>>=", "===", "!==", "...", ">>>", "**=", "<<=", ">>=", "&&=", "||=", "??=", "==", "!=",
          "<=", ">=", "&&", "||", "??", "?.", "=>", "++", "--", "+=", "-=", "*=", "/=", "%=", "**",
          "<<", ">>", "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",",
          "(", ")", "[", "]", "{", "}", "=", ";", "&", "|", "^", "~", "`", "#", "@");

  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("=", "assignment '=' is not supported; compare with '===' or '=='"),
          Map.entry("=>", "arrow functions ('=>') are not supported"),
          Map.entry("++", "the increment operator '++' is not supported"),
          Map.entry("--", "the decrement operator '--' is not supported"),
          Map.entry(";", "';' is not supported: an expression is not a statement list"),
          Map.entry("`", "template literals (backticks) are not supported; join strings with '+'"),
          Map.entry("**", "the exponent operator '**' is not supported"),
          Map.entry("...", "spread '...' is not supported"),
          Map.entry("#", "private names ('#') are not supported"),
          Map.entry("@", "decorators ('@') are not supported"));

  private final String source;
  private final Problems problems;
  private int pos;

  private Tokenizer(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /** The tokens ending with {@link Token.Kind#END}, or empty when a problem was reported. */
  static Optional<List<Token>> tokenize(String source, Problems problems) {
    return new Tokenizer(source, problems).run();
  }

  private Optional<List<Token>> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos));
        return Optional.of(tokens);
      }
      Token token = next();
      if (token == null) {
        return Optional.empty();
      }
      tokens.add(token);
    }
  }

  private Token next() {
    char c = source.charAt(pos);
    if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
      return number();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (isIdentifierStart(c)) {
      int start = pos;
      while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.IDENTIFIER, source.substring(start, pos), start);
    }
    return punctuation();
  }

  private Token punctuation() {
    int start = pos;
    for (String p : PUNCTUATION) {
      if (source.startsWith(p, pos)) {
        // JavaScript reads "a?.5:b" as a conditional, not as optional chaining.
        if (p.equals("?.") && pos + 2 < source.length() && isDigit(source.charAt(pos + 2))) {
          continue;
        }
        pos += p.length();
        String why = unsupported(p);
        if (why != null) {
          problems.report(ExprCode.UNSUPPORTED_SYNTAX, start, why);
          return null;
        }
        return new Token(Token.Kind.PUNCT, p, start);
      }
    }
    problems.report(
        ExprCode.UNEXPECTED_CHARACTER,
        start,
        "unexpected character '" + source.charAt(pos) + "' in expression");
    return null;
  }

  private static String unsupported(String p) {
    String why = UNSUPPORTED.get(p);
    if (why != null) {
      return why;
    }
    if (p.length() >= 2
        && p.endsWith("=")
        && !List.of("==", "!=", "<=", ">=").contains(p)
        && !p.equals("===")
        && !p.equals("!==")) {
      return "compound assignment '" + p + "' is not supported";
    }
    if (List.of("&", "|", "^", "~", "<<", ">>", ">>>").contains(p)) {
      return "the bitwise operator '" + p + "' is not supported";
    }
    return null;
  }

  private Token number() {
    int start = pos;
    digits();
    if (pos < source.length() && source.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= source.length() || !isDigit(source.charAt(pos))) {
        pos = mark;
      } else {
        digits();
      }
    }
    if (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
      problems.report(
          ExprCode.INVALID_NUMBER,
          start,
          "malformed number '" + source.substring(start, pos + 1) + "'",
          "only decimal numbers such as 42, 3.5 or 1e3 are supported");
      return null;
    }
    return new Token(Token.Kind.NUMBER, source.substring(start, pos), start);
  }

  private void digits() {
    while (pos < source.length() && isDigit(source.charAt(pos))) {
      pos++;
    }
  }

  private Token string(char quote) {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < source.length()) {
      char c = source.charAt(pos++);
      if (c == quote) {
        return new Token(Token.Kind.STRING, value.toString(), start);
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (pos >= source.length()) {
        break;
      }
      int escape = pos - 1;
      char e = source.charAt(pos++);
      switch (e) {
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'v' -> value.append('\u000B');
        case '0' -> value.append('\0');
        case 'u' -> {
          if (pos + 4 > source.length()
              || !source.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            problems.report(
                ExprCode.SYNTAX, escape, "'\\u' must be followed by four hexadecimal digits");
            return null;
          }
          value.append((char) Integer.parseInt(source.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> value.append(e);
      }
    }
    problems.report(
        ExprCode.UNTERMINATED_STRING, start, "string literal is not closed", "add " + quote);
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
