package dev.hookc.runtime.validation;

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
    int colon = s.indexOf(':');
    if (colon <= 0 || !isScheme(s.substring(0, colon))) {
      return false;
    }
    String rest = s.substring(colon + 1);
    int hash = rest.indexOf('#');
    String fragment = hash >= 0 ? rest.substring(hash + 1) : "";
    String beforeFragment = hash >= 0 ? rest.substring(0, hash) : rest;
    int question = beforeFragment.indexOf('?');
    String query = question >= 0 ? beforeFragment.substring(question + 1) : "";
    String hierPart = question >= 0 ? beforeFragment.substring(0, question) : beforeFragment;
    if (!isChars(fragment, ":@/?") || !isChars(query, ":@/?")) {
      return false;
    }
    if (hierPart.startsWith("//")) {
      int slash = hierPart.indexOf('/', 2);
      String authority = slash >= 0 ? hierPart.substring(2, slash) : hierPart.substring(2);
      String path = slash >= 0 ? hierPart.substring(slash) : "";
      return isAuthority(authority) && isChars(path, ":@/");
    }
    return isChars(hierPart, ":@/");
  }

  private static boolean isScheme(String scheme) {
    if (!Character.isLetter(scheme.charAt(0)) || scheme.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
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

  private static boolean isAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    if (at >= 0 && !isChars(authority.substring(0, at), ":")) {
      return false;
    }
    String hostPort = authority.substring(at + 1);
    String port;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || !InternetFormats.isIpv6(hostPort.substring(1, close))) {
        return false;
      }
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return false;
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = hostPort.lastIndexOf(':');
      String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
      port = colon >= 0 ? hostPort.substring(colon + 1) : "";
      if (!isChars(host, "")) {
        return false;
      }
    }
    for (int i = 0; i < port.length(); i++) {
      if (!DateTimeFormats.isDigit(port.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code part} has only unreserved, sub-delims, {@code extra} and valid escapes. */
  private static boolean isChars(String part, String extra) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length()
            || !InternetFormats.isHex(part.charAt(i + 1))
            || !InternetFormats.isHex(part.charAt(i + 2))) {
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
