package dev.hookc.runtime.internal.validation;

/** An absolute RFC 3986 URI: a scheme, and only characters and escapes the grammar allows. */
final class UriFormat {
  private static final String UNRESERVED_AND_SUBDELIMS = "-._~!$&'()*+,;=";

  /** Letters, digits, unreserved and sub-delims, looked up once per character. */
  private static final boolean[] ALLOWED = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ALLOWED[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || UNRESERVED_AND_SUBDELIMS.indexOf(c) >= 0;
    }
  }

  private UriFormat() {}

  static boolean isUri(String s) {
    // Index ranges rather than substrings: a payload's links are checked on every request.
    int length = s.length();
    int colon = s.indexOf(':');
    if (colon <= 0 || !isScheme(s, colon)) {
      return false;
    }
    int hash = s.indexOf('#', colon + 1);
    int beforeFragment = hash >= 0 ? hash : length;
    if (hash >= 0 && !isChars(s, hash + 1, length, ":@/?")) {
      return false;
    }
    int question = s.indexOf('?', colon + 1);
    if (question >= beforeFragment) {
      question = -1;
    }
    int hierEnd = question >= 0 ? question : beforeFragment;
    if (question >= 0 && !isChars(s, question + 1, beforeFragment, ":@/?")) {
      return false;
    }
    int hier = colon + 1;
    if (s.startsWith("//", hier)) {
      int slash = s.indexOf('/', hier + 2);
      if (slash >= hierEnd) {
        slash = -1;
      }
      int authorityEnd = slash >= 0 ? slash : hierEnd;
      return isAuthority(s, hier + 2, authorityEnd)
          && (slash < 0 || isChars(s, slash, hierEnd, ":@/"));
    }
    return isChars(s, hier, hierEnd, ":@/");
  }

  /** Whether {@code s} up to {@code end} is a scheme: a letter, then letters, digits, + - . */
  private static boolean isScheme(String s, int end) {
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} from {@code from} to {@code to} is {@code [userinfo@]host[:port]}. */
  private static boolean isAuthority(String s, int from, int to) {
    int at = to > from ? s.lastIndexOf('@', to - 1) : -1;
    if (at < from) {
      at = -1;
    }
    if (at >= 0 && !isChars(s, from, at, ":")) {
      return false;
    }
    int host = at >= 0 ? at + 1 : from;
    int port;
    if (host < to && s.charAt(host) == '[') {
      int close = s.indexOf(']', host);
      if (close < 0 || close >= to || !InternetFormats.isIpv6(s.substring(host + 1, close))) {
        return false;
      }
      int after = close + 1;
      if (after < to && s.charAt(after) != ':') {
        return false;
      }
      port = after < to ? after + 1 : to;
    } else {
      int colon = to > host ? s.lastIndexOf(':', to - 1) : -1;
      if (colon < host) {
        colon = -1;
      }
      if (!isChars(s, host, colon >= 0 ? colon : to, "")) {
        return false;
      }
      port = colon >= 0 ? colon + 1 : to;
    }
    for (int i = port; i < to; i++) {
      if (!DateTimeFormats.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} from {@code from} to {@code to} has only unreserved, sub-delims, {@code
   * extra} and valid escapes.
   */
  private static boolean isChars(String s, int from, int to, String extra) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= to
            || !InternetFormats.isHex(s.charAt(i + 1))
            || !InternetFormats.isHex(s.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!((c < 128 && ALLOWED[c]) || extra.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }
}
