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
