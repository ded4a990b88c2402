package dev.hookc.runtime.internal.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * An anchored pattern of printable ASCII literals and classes, matched by one scan of the text.
 *
 * <p>Most webhook patterns are of this kind, such as {@code ^evt_[A-Za-z0-9]{8,32}\z}. The scan is
 * used only when it cannot differ from a regular expression engine: the whole pattern is {@code ^},
 * then literals and classes of printable ASCII with quantifiers, then {@code \z}, and every atom of
 * variable length is followed by the end or by a mandatory atom that shares none of its characters,
 * so the greedy run is the only one that can match. Each character of the text is then read at most
 * once, so the time is linear in the text whatever it holds.
 */
final class AsciiScan {
  private static final String META = "\\^$.|?*+()[]{}";

  private final Atom[] atoms;

  private AsciiScan(Atom[] atoms) {
    this.atoms = atoms;
  }

  /** The scan for {@code regex}; {@code null} when the pattern is outside the subset. */
  static AsciiScan parse(String regex) {
    Atom[] atoms = Parser.parse(regex);
    return atoms == null ? null : new AsciiScan(atoms);
  }

  /** Whether the whole of {@code text} is matched. */
  boolean matches(String text) {
    int at = 0;
    int length = text.length();
    for (Atom atom : atoms) {
      int count = 0;
      while (count < atom.max && at < length && atom.has(text.charAt(at))) {
        at++;
        count++;
      }
      if (count < atom.min) {
        return false;
      }
    }
    return at == length;
  }

  /** One literal or class, repeated between {@code min} and {@code max} times. */
  // Never compared or hashed, so the array's identity equality cannot mislead.
  @SuppressWarnings("ArrayRecordComponent")
  private record Atom(boolean[] chars, int min, int max) {
    boolean has(char c) {
      return c < 128 && chars[c];
    }

    boolean overlaps(Atom other) {
      for (int c = 0; c < 128; c++) {
        if (chars[c] && other.chars[c]) {
          return true;
        }
      }
      return false;
    }
  }

  /** Reads the supported subset; {@code null} for anything outside it. */
  private static final class Parser {
    private final String source;
    private int at;

    private Parser(String source) {
      this.source = source;
    }

    static Atom[] parse(String source) {
      if (!source.startsWith("^") || !source.endsWith("\\z")) {
        return null;
      }
      Parser parser = new Parser(source.substring(1, source.length() - 2));
      List<Atom> atoms = new ArrayList<>();
      while (parser.at < parser.source.length()) {
        boolean[] chars = parser.atom();
        int[] bounds = chars == null ? null : parser.quantifier();
        if (bounds == null) {
          return null;
        }
        atoms.add(new Atom(chars, bounds[0], bounds[1]));
      }
      return deterministic(atoms) ? atoms.toArray(new Atom[0]) : null;
    }

    private static boolean deterministic(List<Atom> atoms) {
      for (int i = 0; i + 1 < atoms.size(); i++) {
        Atom atom = atoms.get(i);
        Atom next = atoms.get(i + 1);
        if (atom.min != atom.max && (next.min == 0 || atom.overlaps(next))) {
          return false;
        }
      }
      return true;
    }

    private boolean[] atom() {
      char c = source.charAt(at++);
      if (c == '[') {
        return charClass();
      }
      boolean[] chars = new boolean[128];
      if (c == '\\') {
        if (at >= source.length() || !isPunctuation(source.charAt(at))) {
          return null;
        }
        chars[source.charAt(at++)] = true;
        return chars;
      }
      if (!isPrintable(c) || META.indexOf(c) >= 0) {
        return null;
      }
      chars[c] = true;
      return chars;
    }

    private boolean[] charClass() {
      boolean[] chars = new boolean[128];
      boolean any = false;
      while (at < source.length() && source.charAt(at) != ']') {
        boolean edge = !any || (at + 1 < source.length() && source.charAt(at + 1) == ']');
        if (source.charAt(at) == '-' && !edge) {
          // A dash between members reads differently across dialects: not handled here.
          return null;
        }
        int low = member();
        if (low < 0) {
          return null;
        }
        int high = low;
        if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
          at++;
          high = member();
          if (high < low) {
            return null;
          }
        }
        for (int m = low; m <= high; m++) {
          chars[m] = true;
        }
        any = true;
      }
      if (at >= source.length() || !any) {
        return null;
      }
      at++;
      return chars;
    }

    /** A class member: printable ASCII other than class syntax, or an escaped symbol. */
    private int member() {
      char c = source.charAt(at++);
      if (c == '\\') {
        if (at >= source.length() || !isPunctuation(source.charAt(at))) {
          return -1;
        }
        return source.charAt(at++);
      }
      // '^' negates, '[' nests, '&&' intersects in some dialects: leave all of them to the engine.
      return isPrintable(c) && "[]^&".indexOf(c) < 0 ? c : -1;
    }

    /** {@code {min, max}} of the quantifier at the cursor, {1, 1} when there is none. */
    private int[] quantifier() {
      if (at >= source.length()) {
        return new int[] {1, 1};
      }
      char c = source.charAt(at);
      int[] bounds;
      if (c == '?' || c == '*' || c == '+') {
        at++;
        bounds = new int[] {c == '+' ? 1 : 0, c == '?' ? 1 : Integer.MAX_VALUE};
      } else if (c == '{') {
        bounds = braces();
      } else {
        return new int[] {1, 1};
      }
      // A lazy or possessive suffix changes what is matched: not handled here.
      if (bounds == null || (at < source.length() && "?+".indexOf(source.charAt(at)) >= 0)) {
        return null;
      }
      return bounds;
    }

    private int[] braces() {
      int close = source.indexOf('}', at);
      if (close < 0) {
        return null;
      }
      String inside = source.substring(at + 1, close);
      at = close + 1;
      if (!isCount(inside)) {
        return null;
      }
      int comma = inside.indexOf(',');
      if (comma < 0) {
        int n = Integer.parseInt(inside);
        return new int[] {n, n};
      }
      int min = Integer.parseInt(inside.substring(0, comma));
      String maxText = inside.substring(comma + 1);
      int max = maxText.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(maxText);
      return min <= max ? new int[] {min, max} : null;
    }

    /** {@code n} or {@code n,} or {@code n,m}, each number of 1 to 6 digits. */
    private static boolean isCount(String inside) {
      int comma = inside.indexOf(',');
      String min = comma < 0 ? inside : inside.substring(0, comma);
      String max = comma < 0 ? "0" : inside.substring(comma + 1);
      return isDigits(min, 1) && isDigits(max, 0);
    }

    private static boolean isDigits(String text, int least) {
      if (text.length() < least || text.length() > 6) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean isPrintable(char c) {
      return c >= 0x20 && c < 0x7f;
    }

    private static boolean isPunctuation(char c) {
      return isPrintable(c) && !Character.isLetterOrDigit(c) && c != ' ';
    }
  }
}
