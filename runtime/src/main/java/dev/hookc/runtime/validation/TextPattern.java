package dev.hookc.runtime.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A schema {@code pattern}, compiled once, that answers whether it is found in a string exactly as
 * {@code Pattern.compile(regex).matcher(text).find()} would.
 *
 * <p>Most webhook patterns are anchored runs of ASCII classes, such as {@code
 * ^evt_[A-Za-z0-9]{8,32} \z}: those are matched by one scan without backtracking, where {@code
 * java.util.regex} would allocate a matcher and try every start position. The scan is used only
 * when it cannot differ: the whole pattern is {@code ^}, then literals and classes of printable
 * ASCII with quantifiers, then {@code \z}, and every atom of variable length is followed by the end
 * or by a mandatory atom that shares none of its characters, so the greedy run is the only one that
 * can match. Anything else is left to {@code java.util.regex}.
 */
public final class TextPattern {
  private static final String META = "\\^$.|?*+()[]{}";

  private final Pattern regex;
  private final boolean anchored;
  private final Atom[] atoms;

  private TextPattern(Pattern regex, Atom[] atoms) {
    this.regex = regex;
    // Without alternation or a multiline flag, a leading ^ can only match at the start, so the
    // other start positions that find() would try are skipped.
    this.anchored = regex.pattern().startsWith("^") && regex.pattern().indexOf('|') < 0;
    this.atoms = atoms;
  }

  /** The pattern for java.util.regex source {@code javaRegex}. */
  public static TextPattern compile(String javaRegex) {
    return new TextPattern(Pattern.compile(javaRegex), Scan.parse(javaRegex));
  }

  /** Whether the pattern is found in {@code text}. */
  public boolean find(String text) {
    if (atoms == null) {
      return anchored ? regex.matcher(text).lookingAt() : regex.matcher(text).find();
    }
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

  /** Whether {@code text} is matched by one scan rather than by java.util.regex. */
  boolean scans() {
    return atoms != null;
  }

  @Override
  public String toString() {
    return regex.pattern();
  }

  /** One literal or class, repeated between {@code min} and {@code max} times. */
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
  private static final class Scan {
    private final String source;
    private int at;

    private Scan(String source) {
      this.source = source;
    }

    static Atom[] parse(String source) {
      if (!source.startsWith("^") || !source.endsWith("\\z")) {
        return null;
      }
      Scan scan = new Scan(source.substring(1, source.length() - 2));
      List<Atom> atoms = new ArrayList<>();
      while (scan.at < scan.source.length()) {
        boolean[] chars = scan.atom();
        int[] bounds = chars == null ? null : scan.quantifier();
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

    /** A class member: printable ASCII other than Java's class syntax, or an escaped symbol. */
    private int member() {
      char c = source.charAt(at++);
      if (c == '\\') {
        if (at >= source.length() || !isPunctuation(source.charAt(at))) {
          return -1;
        }
        return source.charAt(at++);
      }
      // '^' negates, '[' nests, '&&' intersects: leave all of them to java.util.regex.
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
      if (!inside.matches("[0-9]{1,6}(,[0-9]{0,6})?")) {
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

    private static boolean isPrintable(char c) {
      return c >= 0x20 && c < 0x7f;
    }

    private static boolean isPunctuation(char c) {
      return isPrintable(c) && !Character.isLetterOrDigit(c) && c != ' ';
    }
  }
}
