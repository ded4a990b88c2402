package dev.hookc.runtime.security;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;

/**
 * Decides whether a request may reach its handler. It looks only at the headers and the raw body
 * bytes, so it runs before the body is parsed.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * Checks {@code request} and returns what it proves about the caller (a JWT's claims), or null
   * when it proves only that the sender holds the secret.
   *
   * @throws HttpProblem 401 naming the check that failed, never the expected value
   */
  Object authenticate(Request request);

  /** {@code handler} behind this authenticator: it sees only authenticated requests. */
  default RequestHandler protect(RequestHandler handler) {
    return request -> handler.handle(request.withUser(authenticate(request)));
  }
}
