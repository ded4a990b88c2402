package dev.hookc.runtime.internal.validation;

import java.text.Normalizer;

/**
 * Checks the Punycode part of an {@code xn--} label: it must decode (RFC 3492) to a U-label whose
 * code points and contexts IDNA2008 allows (RFC 5891, 5892). Code point validity is derived from
 * the JDK's Unicode data, which agrees with the IDNA2008 tables for letters, digits and marks.
 */
final class Idna {
  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  private Idna() {}

  /** Whether {@code punycode} (the label without {@code xn--}) decodes to a valid U-label. */
  static boolean isALabel(String punycode) {
    String label = decode(punycode);
    return label != null && !label.isEmpty() && isULabel(label);
  }

  /** RFC 3492 decoding; null when the input is not valid Punycode. */
  static String decode(String input) {
    int delimiter = input.lastIndexOf('-');
    StringBuilder output = new StringBuilder();
    int[] out = new int[input.length()];
    int length = 0;
    for (int j = 0; j < Math.max(delimiter, 0); j++) {
      out[length++] = input.charAt(j);
    }
    int n = INITIAL_N;
    int bias = INITIAL_BIAS;
    int i = 0;
    for (int in = delimiter > 0 ? delimiter + 1 : 0; in < input.length(); ) {
      int oldi = i;
      int w = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= input.length()) {
          return null;
        }
        int digit = digit(input.charAt(in++));
        if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
          return null;
        }
        i += digit * w;
        int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
        if (digit < t) {
          break;
        }
        if (w > Integer.MAX_VALUE / (BASE - t)) {
          return null;
        }
        w *= BASE - t;
      }
      bias = adapt(i - oldi, length + 1, oldi == 0);
      if (i / (length + 1) > Integer.MAX_VALUE - n) {
        return null;
      }
      n += i / (length + 1);
      i %= length + 1;
      if (n > Character.MAX_CODE_POINT || length == out.length) {
        return null;
      }
      System.arraycopy(out, i, out, i + 1, length - i);
      out[i++] = n;
      length++;
    }
    for (int j = 0; j < length; j++) {
      output.appendCodePoint(out[j]);
    }
    return output.toString();
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    return -1;
  }

  private static int adapt(int delta, int points, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
  }

  private static boolean isULabel(String label) {
    int[] cps = label.codePoints().toArray();
    if (cps.length >= 4 && cps[2] == '-' && cps[3] == '-') {
      return false;
    }
    if (cps[0] == '-' || cps[cps.length - 1] == '-' || isMark(cps[0])) {
      return false;
    }
    boolean arabicIndic = false;
    boolean extendedArabicIndic = false;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      arabicIndic |= cp >= 0x0660 && cp <= 0x0669;
      extendedArabicIndic |= cp >= 0x06F0 && cp <= 0x06F9;
      if (!isAllowed(cps, i)) {
        return false;
      }
    }
    return !(arabicIndic && extendedArabicIndic);
  }

  private static boolean isAllowed(int[] cps, int i) {
    int cp = cps[i];
    switch (cp) {
      case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
        return true;
      case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B:
        return false;
      case 0x00B7:
        return i > 0 && i < cps.length - 1 && cps[i - 1] == 'l' && cps[i + 1] == 'l';
      case 0x0375:
        return i < cps.length - 1 && script(cps[i + 1]) == Character.UnicodeScript.GREEK;
      case 0x05F3, 0x05F4:
        return i > 0 && script(cps[i - 1]) == Character.UnicodeScript.HEBREW;
      case 0x30FB:
        return hasJapanese(cps);
      case 0x200D:
        return i > 0 && isVirama(cps[i - 1]);
      case 0x200C:
        return i > 0 && (isVirama(cps[i - 1]) || joinsAround(cps, i));
      default:
        return isProtocolValid(cp);
    }
  }

  private static boolean isProtocolValid(int cp) {
    if (cp == '-' || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) {
      return true;
    }
    if (cp < 0x80) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.LOWERCASE_LETTER,
      Character.OTHER_LETTER,
      Character.MODIFIER_LETTER,
      Character.DECIMAL_DIGIT_NUMBER,
      Character.NON_SPACING_MARK,
      Character.COMBINING_SPACING_MARK:
        break;
      default:
        return false;
    }
    String text = new String(Character.toChars(cp));
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT)
        .equals(text);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isVirama(int cp) {
    // Canonical combining class 9; the JDK has no accessor, but every virama is named so.
    String name = Character.getName(cp);
    return name != null && (name.contains("VIRAMA") || name.endsWith("SIGN HALANT"));
  }

  /** RFC 5892 appendix A.1's joining-type regex, approximated by Arabic-family letters. */
  private static boolean joinsAround(int[] cps, int i) {
    int before = i - 1;
    while (before >= 0 && Character.getType(cps[before]) == Character.NON_SPACING_MARK) {
      before--;
    }
    int after = i + 1;
    while (after < cps.length && Character.getType(cps[after]) == Character.NON_SPACING_MARK) {
      after++;
    }
    return before >= 0 && after < cps.length && isJoining(cps[before]) && isJoining(cps[after]);
  }

  private static boolean isJoining(int cp) {
    Character.UnicodeScript script = script(cp);
    return Character.isLetter(cp)
        && (script == Character.UnicodeScript.ARABIC
            || script == Character.UnicodeScript.SYRIAC
            || script == Character.UnicodeScript.NKO
            || script == Character.UnicodeScript.MONGOLIAN);
  }

  private static boolean hasJapanese(int[] cps) {
    for (int cp : cps) {
      Character.UnicodeScript script = script(cp);
      if (script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || script == Character.UnicodeScript.HAN) {
        if (cp != 0x30FB) {
          return true;
        }
      }
    }
    return false;
  }

  private static Character.UnicodeScript script(int cp) {
    return Character.UnicodeScript.of(cp);
  }
}
