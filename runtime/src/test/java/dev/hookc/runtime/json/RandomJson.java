package dev.hookc.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * Random JSON for differential tests: documents as text, in every form the grammar allows (number
 * spellings, escapes, raw UTF-8 of every length, whitespace), and trees of every node kind.
 */
final class RandomJson {

  private static final String WHITESPACE = " \t\n\r";
  private static final String[] ESCAPES = {
    "\\\"",
    "\\\\",
    "\\/",
    "\\b",
    "\\f",
    "\\n",
    "\\r",
    "\\t",
    "\\u00e9",
    "\\u00E9",
    "\\u0000",
    "\\u001f",
    "\\ud83d\\ude00",
    "\\uD834\\uDD1E",
    "\\ud800",
    "\\udfff",
    "\\uFFFF",
    "\\u2028"
  };
  private static final String[] RAW = {
    "é", "ß", "€", "中", "\u2028", "😀", "𝄞", "\u007f", "\uFFFD"
  };

  private final Random random;

  RandomJson(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** A document of at most {@code depth} levels, with random whitespace around its tokens. */
  String document(int depth) {
    StringBuilder out = new StringBuilder();
    space(out);
    value(out, depth);
    space(out);
    return out.toString();
  }

  private void value(StringBuilder out, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 7);
    switch (kind) {
      case 0, 1 -> number(out);
      case 2, 3 -> string(out, 8);
      case 4 -> out.append(random.nextBoolean() ? "true" : "false");
      case 5 -> out.append("null");
      case 6 -> number(out);
      case 7, 8 -> object(out, depth - 1);
      default -> array(out, depth - 1);
    }
  }

  private void object(StringBuilder out, int depth) {
    out.append('{');
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      space(out);
      if (i > 0) {
        out.append(',');
        space(out);
      }
      // Mostly distinct names; a short one now and then repeats, which both readers must refuse.
      if (random.nextInt(40) == 0) {
        out.append("\"k\"");
      } else {
        out.append("\"n").append(i);
        stringContent(out, 4);
        out.append('"');
      }
      space(out);
      out.append(':');
      space(out);
      value(out, depth);
    }
    space(out);
    out.append('}');
  }

  private void array(StringBuilder out, int depth) {
    out.append('[');
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      space(out);
      if (i > 0) {
        out.append(',');
        space(out);
      }
      value(out, depth);
    }
    space(out);
    out.append(']');
  }

  private void number(StringBuilder out) {
    if (random.nextInt(4) == 0) {
      out.append('-');
    }
    switch (random.nextInt(6)) {
      case 0 -> out.append(random.nextInt(12));
      case 1 -> out.append(Math.abs((long) random.nextInt()) + (random.nextBoolean() ? 0 : 1));
      case 2 -> out.append(Math.abs(random.nextLong() >>> random.nextInt(40)));
      case 3 -> digits(out, 1 + random.nextInt(random.nextInt(20) == 0 ? 999 : 40));
      default -> digits(out, 1 + random.nextInt(25));
    }
    if (random.nextInt(3) == 0) {
      out.append('.');
      int digits = 1 + random.nextInt(random.nextInt(20) == 0 ? 400 : 20);
      for (int i = 0; i < digits; i++) {
        out.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
      }
    }
    if (random.nextInt(4) == 0) {
      out.append(random.nextBoolean() ? 'e' : 'E');
      int sign = random.nextInt(3);
      out.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
      out.append(random.nextInt(10) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(400));
    }
  }

  private void digits(StringBuilder out, int count) {
    out.append(random.nextInt(8) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
    if (out.charAt(out.length() - 1) == '0') {
      return;
    }
    for (int i = 1; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
  }

  private void string(StringBuilder out, int maxLength) {
    out.append('"');
    stringContent(out, maxLength);
    out.append('"');
  }

  private void stringContent(StringBuilder out, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      if (pick < 6) {
        char c = (char) (0x20 + random.nextInt(0x5F));
        out.append(c == '"' || c == '\\' ? 'q' : c);
      } else if (pick < 8) {
        out.append(ESCAPES[random.nextInt(ESCAPES.length)]);
      } else {
        out.append(RAW[random.nextInt(RAW.length)]);
      }
    }
  }

  private void space(StringBuilder out) {
    while (random.nextInt(4) == 0) {
      out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
    }
  }

  /** {@code bytes} with one to three random edits: bytes inserted, deleted, replaced, cut off. */
  byte[] mutate(byte[] bytes) {
    byte[] result = bytes;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = result.length == 0 ? 0 : random.nextInt(result.length);
      byte[] next;
      switch (random.nextInt(5)) {
        case 0 -> {
          next = new byte[result.length + 1];
          System.arraycopy(result, 0, next, 0, at);
          next[at] = interestingByte();
          System.arraycopy(result, at, next, at + 1, result.length - at);
        }
        case 1 -> {
          next = new byte[Math.max(0, result.length - 1)];
          if (result.length > 0) {
            System.arraycopy(result, 0, next, 0, at);
            System.arraycopy(result, at + 1, next, at, result.length - at - 1);
          }
        }
        case 2 -> {
          next = result.clone();
          if (next.length > 0) {
            next[at] = interestingByte();
          }
        }
        case 3 -> next = java.util.Arrays.copyOf(result, at);
        default -> {
          next = result.clone();
          if (next.length > 0) {
            next[at] = (byte) random.nextInt(256);
          }
        }
      }
      result = next;
    }
    return result;
  }

  private byte interestingByte() {
    String picks = "{}[],:\"\\ \t\n\r0123456789-+.eEtfnul/'*xa";
    int pick = random.nextInt(picks.length() + 8);
    if (pick < picks.length()) {
      return (byte) picks.charAt(pick);
    }
    int[] raw = {0x00, 0x01, 0x1F, 0x80, 0xC0, 0xC3, 0xED, 0xF4, 0xF5, 0xFF, 0xEF, 0xBF};
    return (byte) raw[random.nextInt(raw.length)];
  }

  /** A tree of at most {@code depth} levels with every node kind the writer handles itself. */
  JsonNode tree(int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    int kind = random.nextInt(depth > 0 ? 16 : 13);
    return switch (kind) {
      case 0 -> nodes.numberNode(random.nextInt());
      case 1 -> nodes.numberNode(random.nextLong());
      case 2 -> nodes.numberNode(new BigInteger(1 + random.nextInt(200), random));
      case 3 ->
          nodes.numberNode(
              new BigDecimal(
                  new BigInteger(1 + random.nextInt(120), random), random.nextInt(60) - 30));
      case 4 ->
          nodes.numberNode(
              random.nextInt(8) == 0
                  ? specialDouble()
                  : random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      case 5 ->
          nodes.numberNode(
              random.nextInt(8) == 0 ? (float) specialDouble() : random.nextFloat() * 1000);
      case 6 -> nodes.numberNode((short) random.nextInt());
      case 7 -> nodes.booleanNode(random.nextBoolean());
      case 8 -> nodes.nullNode();
      case 9, 10, 11, 12 -> nodes.textNode(text());
      case 13, 14 -> {
        ObjectNode object = nodes.objectNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          object.set(text(), tree(depth - 1));
        }
        yield object;
      }
      default -> {
        ArrayNode array = nodes.arrayNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          array.add(tree(depth - 1));
        }
        yield array;
      }
    };
  }

  private double specialDouble() {
    double[] special = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -0.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      1e7,
      1e-3,
      9.999999e-4,
      2e22,
      9.999999999999999E22 // 1e23, the nearest double
    };
    return special[random.nextInt(special.length)];
  }

  /** Text with every kind of character: controls, quotes, non-ASCII, surrogates paired or not. */
  String text() {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> out.append((char) random.nextInt(0x20));
        case 1 -> out.append("\"\\/\u007f".charAt(random.nextInt(4)));
        case 2 -> out.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> out.append((char) (0x800 + random.nextInt(0xF800)));
        case 4 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
        default -> out.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return out.toString();
  }
}
