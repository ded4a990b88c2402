package dev.hookc.runtime.security;

import dev.hookc.runtime.HttpProblem;

/** The 401 problems of the verifiers: each says which check failed and nothing secret. */
final class Unauthorized {
  static final String TYPE = "https://hookc.dev/problems/unauthorized";

  private Unauthorized() {}

  static HttpProblem because(String detail) {
    return new HttpProblem(401, "Unauthorized", detail).withType(TYPE);
  }

  static HttpProblem bearer(String detail) {
    return because(detail).withHeader("WWW-Authenticate", "Bearer");
  }
}
