package dev.hookc.runtime.internal.validation;

/** IP addresses, host names and e-mail addresses, per RFC 2673, 4291, 1123 and 5321. */
final class InternetFormats {
  private InternetFormats() {}

  /** Dotted-quad IPv4 with no leading zeros, ASCII digits only. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int i = 0;
    int n = s.length();
    while (true) {
      int start = i;
      int value = 0;
      while (i < n && DateTimeFormats.isDigit(s.charAt(i)) && i - start < 3) {
        value = value * 10 + (s.charAt(i++) - '0');
      }
      int length = i - start;
      if (length == 0 || value > 255 || (length > 1 && s.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i == n) {
        return parts == 4;
      }
      if (s.charAt(i) != '.' || parts == 4) {
        return false;
      }
      i++;
    }
  }

  /** IPv6 text forms of RFC 4291 section 2.2, with no zone id and no prefix length. */
  static boolean isIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    int groups = 0;
    String[] headParts = head.isEmpty() ? new String[0] : head.split(":", -1);
    String[] tailParts = tail.isEmpty() ? new String[0] : tail.split(":", -1);
    String[] all = doubleColon >= 0 ? concat(headParts, tailParts) : headParts;
    for (int i = 0; i < all.length; i++) {
      String part = all[i];
      if (i == all.length - 1 && part.indexOf('.') >= 0) {
        if (!isIpv4(part)) {
          return false;
        }
        groups += 2;
      } else if (isHexGroup(part)) {
        groups++;
      } else {
        return false;
      }
    }
    return doubleColon >= 0 ? groups < 8 : groups == 8;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static boolean isHexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (!isHex(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * An RFC 1123 host name of ASCII letters, digits and hyphens; labels starting {@code xn--} must
   * be valid IDNA2008 A-labels.
   */
  static boolean isHostname(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isLabel(s.substring(start, end))) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isLabel(String label) {
    int n = label.length();
    if (n == 0 || n > 63 || label.charAt(0) == '-' || label.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      if (!(isAsciiLetter(c) || DateTimeFormats.isDigit(c) || c == '-')) {
        return false;
      }
    }
    if (n >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
      return label.regionMatches(true, 0, "xn", 0, 2) && Idna.isALabel(label.substring(4));
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * An RFC 5321 mailbox: a dot-atom or quoted local part, and a host name or an address literal.
   */
  static boolean isEmail(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return false;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    return (isDotAtom(local) || isQuotedString(local)) && isMailDomain(domain);
  }

  private static boolean isDotAtom(String local) {
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!(isAsciiLetter(c)
          || DateTimeFormats.isDigit(c)
          || c == '.'
          || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isQuotedString(String local) {
    if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
      return false;
    }
    for (int i = 1; i < local.length() - 1; i++) {
      char c = local.charAt(i);
      if (c == '\\') {
        i++;
        if (i >= local.length() - 1 || local.charAt(i) < 32 || local.charAt(i) > 126) {
          return false;
        }
      } else if (c == '"' || c < 32 || c > 126) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMailDomain(String domain) {
    if (domain.startsWith("[") && domain.endsWith("]")) {
      String literal = domain.substring(1, domain.length() - 1);
      return literal.regionMatches(true, 0, "IPv6:", 0, 5)
          ? isIpv6(literal.substring(5))
          : isIpv4(literal);
    }
    return isHostname(domain);
  }
}
