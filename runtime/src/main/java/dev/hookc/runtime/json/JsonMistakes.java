package dev.hookc.runtime.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.hookc.runtime.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Says where and what the first mistake in a JSON document is, from the error of Jackson's parser
 * that stopped at it: a position as 1-based line and byte column, and a reason in the client's
 * terms. Jackson's own messages name features and Java types, so only its kind of error is used;
 * the position is the offending byte's, which is where Jackson points, or near it.
 */
final class JsonMistakes {

  /** A mistake at {@code offset} in the input, shown at {@code line} and {@code column}. */
  record Mistake(int offset, int line, int column, String reason) {}

  private static final String VALUE = "a value";
  private static final String NAME = "a property name in double quotes";
  private static final String COLON = "':' after the property name";

  private final byte[] in;
  private final int start;
  // Where the text starts: after a byte-order mark, which Jackson skips.
  private final int text;
  private final int end;
  private final JsonParser parser;

  JsonMistakes(byte[] in, int start, int end, JsonParser parser) {
    this.in = in;
    this.start = start;
    boolean mark = end - start >= 3 && in[start] == (byte) 0xEF && in[start + 1] == (byte) 0xBB;
    this.text = mark && in[start + 2] == (byte) 0xBF ? start + 3 : start;
    this.end = end;
    this.parser = parser;
  }

  /**
   * The first mistake: the one that made the parser throw {@code e} (null if it did not), or the
   * first byte that is not well-formed UTF-8 at {@code malformed} (-1 if none), whichever comes
   * first.
   */
  Mistake first(JsonProcessingException e, int malformed) {
    if (malformed < 0) {
      return of(e);
    }
    if (e == null) {
      return malformedUtf8(malformed);
    }
    // Jackson stops on a byte that is not UTF-8 as on a wrong one; where it is the first malformed
    // byte itself, whether it is in a string decides what to say.
    boolean decoding = String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8");
    if (decoding
        && e.getLocation() != null
        && start + e.getLocation().getByteOffset() >= malformed) {
      return malformedUtf8(malformed);
    }
    Mistake mistake = of(e);
    boolean first = decoding ? mistake.offset() < malformed : mistake.offset() <= malformed;
    return first ? mistake : malformedUtf8(malformed);
  }

  /**
   * Bytes that are not UTF-8 at {@code at}: in a string, the text is not UTF-8; elsewhere only
   * ASCII has a place, so they are an unexpected byte there, as any other.
   */
  private Mistake malformedUtf8(int at) {
    if (inString(at)) {
      return escaped(at)
          ? at(at, "invalid escape in a string")
          : at(at, "the body is not valid UTF-8 " + Utf8.malformation(in, at, end));
    }
    int token = at;
    while (token > text && in[token - 1] > 0 && isTokenByte(in[token - 1])) {
      token--;
    }
    if (token < at && !isDigit(in[token])) {
      return unrecognizedToken(at + 1);
    }
    Mistake inNumber = numberBefore(at);
    return inNumber != null ? inNumber : at(at, unexpected(at, expected(at)));
  }

  /** The mistake that made the parser throw {@code e}. */
  private Mistake of(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return beyondLimit(message);
    }
    JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    int at = Math.min(start + (int) where.getByteOffset(), end);
    if (message.startsWith("Unrecognized token")) {
      return unrecognizedToken(at);
    }
    Mistake inNumber = message.contains("numeric value") ? number(numberStart(at)) : null;
    if (inNumber != null) {
      return inNumber;
    }
    if (message.startsWith("Invalid UTF-8")) {
      // Only text in strings may be other than ASCII; Jackson stops after the sequence's start.
      int lead = leadOf(Math.max(at - 1, text));
      return at(lead, unexpected(lead, expected(lead)));
    }
    if (e instanceof JsonEOFException || message.contains("end-of-input")) {
      return endOfDocument();
    }
    if (message.startsWith("Illegal unquoted character")) {
      return at(
          at,
          String.format(
              "unescaped control character U+%04X in a string; escape it with a backslash",
              in[at]));
    }
    if (message.startsWith("Unrecognized character escape")) {
      // Jackson points after the escaped character, which may take several bytes.
      while (at > text && in[at - 1] != '\\') {
        at--;
      }
      int c = in[at];
      return at(
          at,
          c >= 0x20 && c < 0x7F
              ? "invalid escape '\\" + (char) c + "' in a string"
              : "invalid escape in a string");
    }
    if (message.contains("hex-digit for character escape")) {
      return at(at, "expected four hex digits after \\u in a string");
    }
    if (message.startsWith("Illegal character")) {
      at--; // a control character between tokens: Jackson points after it
    }
    // Jackson ends some malformed numbers early ("-.5"), and then stops on what follows.
    inNumber = numberBefore(at);
    if (inNumber != null && inNumber.offset() <= at) {
      return inNumber;
    }
    if (message.contains("Expected space separating root-level values")) {
      return at(at, "unexpected content after the end of the JSON document");
    }
    at = leadOf(at);
    String expected;
    if (message.contains("double-quote to start field name")) {
      expected = NAME;
    } else if (message.contains("a colon to separate")) {
      expected = COLON;
    } else if (message.contains("comma to separate Array")) {
      expected = "',' or ']'";
    } else if (message.contains("comma to separate Object")) {
      expected = "',' or '}'";
    } else {
      expected = expected(at);
    }
    return at(at, unexpected(at, expected));
  }

  /** The first byte of the UTF-8 sequence that the byte at {@code at} belongs to. */
  private int leadOf(int at) {
    if (at >= end) {
      return at;
    }
    int back = at;
    while (back > text && at - back < 3 && (in[back] & 0xC0) == 0x80) {
      back--;
    }
    return Utf8.sequenceLength(in[back] & 0xFF) > at - back ? back : at;
  }

  private boolean inString(int at) {
    boolean inString = false;
    for (int i = text; i < at; i++) {
      if (in[i] == '"' && !escaped(i)) {
        inString = !inString;
      }
    }
    return inString;
  }

  /** The mistake in the number that ends just before {@code at}, if one does and has one. */
  private Mistake numberBefore(int at) {
    if (at <= text || !isNumberByte(in[at - 1])) {
      return null;
    }
    int number = numberStart(at);
    return in[number] == '-' || in[number] == '+' || isDigit(in[number]) ? number(number) : null;
  }

  /** What was expected at {@code at}, from the last byte before it and where the parser is. */
  private String expected(int at) {
    int before = at - 1;
    while (before >= text && isWhitespace(in[before])) {
      before--;
    }
    if (before < text) {
      return VALUE;
    }
    JsonStreamContext context = parser.getParsingContext();
    switch (in[before]) {
      case '[', ':' -> {
        return VALUE;
      }
      case '{' -> {
        return NAME;
      }
      case ',' -> {
        return context.inArray() ? VALUE : NAME;
      }
      case '"' -> {
        if (context.inObject() && parser.currentToken() == JsonToken.FIELD_NAME) {
          return COLON;
        }
      }
      default -> {}
    }
    return afterValue(context);
  }

  private static String afterValue(JsonStreamContext context) {
    return context.inArray() ? "',' or ']'" : context.inObject() ? "',' or '}'" : null;
  }

  private Mistake endOfDocument() {
    if (inString(end)) {
      int backslash = end - 1;
      while (backslash > text && in[backslash] != '\\') {
        backslash--;
      }
      boolean unicode = in[backslash] == '\\' && backslash + 1 < end && in[backslash + 1] == 'u';
      return at(
          end,
          unicode && end - backslash < 6
              ? "unexpected end of the document in a \\u escape"
              : "unexpected end of the document in a string");
    }
    Mistake inNumber = numberBefore(end);
    return inNumber != null ? inNumber : at(end, unexpected(end, expected(end)));
  }

  /**
   * The first place where the number at {@code from} breaks the grammar {@code -? (0 | [1-9]
   * [0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}; null if it does not.
   */
  private Mistake number(int from) {
    int i = from;
    if (in[i] == '-') {
      i++;
      if (i == end || !isDigit(in[i])) {
        return at(i, unexpected(i, "a digit after '-'"));
      }
    } else if (!isDigit(in[i])) {
      return at(i, unexpected(i, VALUE));
    }
    if (in[i] == '0' && i + 1 < end && isDigit(in[i + 1])) {
      return at(i, "leading zeros are not allowed in numbers");
    }
    i = digits(i);
    if (i < end && in[i] == '.') {
      i++;
      if (i == end || !isDigit(in[i])) {
        return at(i, unexpected(i, "a digit after the decimal point"));
      }
      i = digits(i);
    }
    boolean exponent = i < end && (in[i] == 'e' || in[i] == 'E');
    if (exponent) {
      i++;
      if (i < end && (in[i] == '+' || in[i] == '-')) {
        i++;
      }
      if (i == end || !isDigit(in[i])) {
        return at(i, unexpected(i, "a digit in the exponent"));
      }
      i = digits(i);
    }
    if (exponent && !fitsDecimal(from, i)) {
      return at(from, "a number in the document is out of range");
    }
    String after = afterValue(parser.getParsingContext());
    if (i < end && !isWhitespace(in[i]) && after == null) {
      return at(i, "unexpected content after the end of the JSON document");
    }
    return i < end && !isWhitespace(in[i]) ? at(i, unexpected(i, after)) : null;
  }

  private boolean fitsDecimal(int from, int to) {
    try {
      new BigDecimal(new String(in, from, to - from, StandardCharsets.ISO_8859_1));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private int digits(int from) {
    int i = from;
    while (i < end && isDigit(in[i])) {
      i++;
    }
    return i;
  }

  /**
   * Jackson reports a token it does not know ({@code tru}, {@code nul}, {@code x}) after reading it
   * and the byte that ended it.
   */
  private Mistake unrecognizedToken(int tokenEnd) {
    int i = tokenEnd;
    if (i > text && !isTokenByte(in[i - 1])) {
      i--;
    }
    while (i > text && isTokenByte(in[i - 1])) {
      i--;
    }
    while (tokenEnd < end && isTokenByte(in[tokenEnd])) {
      tokenEnd++;
    }
    for (String literal : new String[] {"true", "false", "null"}) {
      int n = literal.length();
      if (matches(i, literal) && i + n < tokenEnd) {
        String after = afterValue(parser.getParsingContext());
        return after == null
            ? at(i + n, "unexpected content after the end of the JSON document")
            : at(i + n, unexpected(i + n, after));
      }
    }
    return at(i, unexpected(i, VALUE));
  }

  private boolean matches(int at, String literal) {
    if (end - at < literal.length()) {
      return false;
    }
    for (int k = 0; k < literal.length(); k++) {
      if (in[at + k] != literal.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** A limit of {@link com.fasterxml.jackson.core.StreamReadConstraints}; these carry no place. */
  private Mistake beyondLimit(String message) {
    int at = start + (int) parser.currentLocation().getByteOffset();
    if (message.startsWith("Document nesting depth")) {
      return at(at - 1, "the document nests deeper than " + Json.MAX_DEPTH + " levels");
    }
    if (message.startsWith("Number value length")) {
      return at(numberStart(at), "a number in the document is too long");
    }
    if (message.startsWith("Name length")) {
      int quote = at - 1;
      if (in[quote] == '"' && !escaped(quote)) {
        quote--; // the closing quote
      }
      while (in[quote] != '"' || escaped(quote)) {
        quote--;
      }
      return at(quote, "a property name in the document is too long");
    }
    return at(
        start + (int) parser.currentTokenLocation().getByteOffset(),
        "a string in the document is too long");
  }

  private boolean escaped(int quote) {
    int backslashes = 0;
    for (int i = quote - 1; i >= start && in[i] == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private int numberStart(int at) {
    int i = Math.min(at, end);
    while (i > text && isNumberByte(in[i - 1])) {
      i--;
    }
    return i;
  }

  /** What was found at {@code at} instead of {@code expected}, for a message. */
  private String unexpected(int at, String expected) {
    if (expected == null) {
      return "unexpected content after the end of the JSON document";
    }
    if (at >= end) {
      return "unexpected end of the document; expected " + expected;
    }
    int b = in[at] & 0xFF;
    String found;
    if (b == '/') {
      found = "'/' (comments are not allowed in JSON)";
    } else if (b == '\'') {
      found = "''' (strings are in double quotes in JSON)";
    } else if (b > 0x20 && b < 0x7F) {
      found = "'" + (char) b + "'";
    } else if (b < 0x80) {
      found = String.format("character U+%04X", b);
    } else {
      found = String.format("byte 0x%02X", b);
    }
    return "unexpected " + found + "; expected " + expected;
  }

  /** The 1-based line and byte column of {@code at}, counting lines from {@code from}. */
  static int[] lineAndColumn(byte[] in, int from, int at) {
    int line = 1;
    int lineStart = from;
    for (int i = from; i < at; i++) {
      if (in[i] == '\n' || (in[i] == '\r' && (i + 1 >= at || in[i + 1] != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, at - lineStart + 1};
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isNumberByte(byte b) {
    return isDigit(b) || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
  }

  /** Whether Jackson reads {@code b} as part of a token it does not know. */
  private static boolean isTokenByte(byte b) {
    return b < 0 || Character.isJavaIdentifierPart((char) b);
  }

  private Mistake at(int offset, String reason) {
    int[] lineAndColumn = lineAndColumn(in, start, offset);
    return new Mistake(offset, lineAndColumn[0], lineAndColumn[1], reason);
  }
}
