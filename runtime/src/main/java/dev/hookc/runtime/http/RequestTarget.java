package dev.hookc.runtime.http;

/**
 * The path and query of a request target (RFC 9112 §3.2): origin form {@code /path?query}, absolute
 * form {@code http://host/path?query} (whose path is taken), or {@code *} for {@code OPTIONS}. A
 * path that starts with {@code //} is a path, never a host.
 *
 * @param path the raw path, still percent-encoded
 * @param query the raw query, or null when there is none
 */
record RequestTarget(String path, String query) {

  static RequestTarget parse(String method, String target) throws RequestRejected {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '#') {
        throw bad("the request target contains a character that must be percent-encoded");
      }
    }
    if (target.equals("*")) {
      if (!method.equals("OPTIONS")) {
        throw bad("the target * is for OPTIONS only");
      }
      return new RequestTarget("*", null);
    }
    if (target.charAt(0) == '/') {
      return split(target, 0);
    }
    int authority = schemeEnd(target);
    if (authority < 0) {
      throw bad("the request target is neither a path nor an absolute http URI");
    }
    int pathStart = authority;
    while (pathStart < target.length()
        && target.charAt(pathStart) != '/'
        && target.charAt(pathStart) != '?') {
      pathStart++;
    }
    if (pathStart == authority) {
      throw bad("the request target has no host");
    }
    checkAuthority(target.substring(authority, pathStart));
    if (pathStart == target.length()) {
      return new RequestTarget("/", null);
    }
    if (target.charAt(pathStart) == '?') {
      return new RequestTarget("/", target.substring(pathStart + 1));
    }
    return split(target, pathStart);
  }

  private static RequestTarget split(String target, int from) {
    int question = target.indexOf('?', from);
    return question < 0
        ? new RequestTarget(from == 0 ? target : target.substring(from), null)
        : new RequestTarget(target.substring(from, question), target.substring(question + 1));
  }

  /**
   * Refuses an authority that is not {@code host[:port]} (RFC 3986 §3.2): user information, which
   * RFC 9110 §4.2.4 forbids in http URIs, an unclosed or malformed IP literal, a character outside
   * a registered name, or a port that is not a number up to 65535. Nothing routes by host, but a
   * target hookc reads differently from a proxy in front of it must not pass.
   */
  private static void checkAuthority(String authority) throws RequestRejected {
    if (authority.indexOf('@') >= 0) {
      throw bad("the request target has user information, which http URIs must not carry");
    }
    int hostEnd;
    if (authority.startsWith("[")) {
      hostEnd = authority.indexOf(']');
      if (hostEnd < 2 || !isIpLiteral(authority.substring(1, hostEnd))) {
        throw bad("the request target's host is not a valid IP literal");
      }
      hostEnd++;
    } else {
      hostEnd = authority.indexOf(':');
      hostEnd = hostEnd < 0 ? authority.length() : hostEnd;
      if (hostEnd == 0 || !isRegisteredName(authority.substring(0, hostEnd))) {
        throw bad("the request target's host is not a valid host name");
      }
    }
    if (hostEnd == authority.length()) {
      return;
    }
    String port = authority.substring(hostEnd);
    if (port.charAt(0) != ':' || !isPort(port.substring(1))) {
      throw bad("the request target's port is not a number from 0 to 65535");
    }
  }

  private static boolean isIpLiteral(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return false;
      }
    }
    return text.indexOf(':') >= 0;
  }

  private static boolean isRegisteredName(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPort(String digits) {
    // An empty port is allowed by RFC 3986 and means the scheme's default.
    if (digits.length() > 5) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return false;
      }
    }
    return digits.isEmpty() || Integer.parseInt(digits) <= 65535;
  }

  /** The index after {@code http://} or {@code https://} (any case), or -1. */
  private static int schemeEnd(String target) {
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      return 7;
    }
    if (target.regionMatches(true, 0, "https://", 0, 8)) {
      return 8;
    }
    return -1;
  }

  private static RequestRejected bad(String detail) {
    return new RequestRejected(Rejection.badRequest(detail));
  }
}
