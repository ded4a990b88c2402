package dev.hookc.runtime.security;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;

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

  /**
   * {@code handler} behind this authenticator: it sees only authenticated requests. Each outcome is
   * reported to the request's telemetry: {@code accepted}, or the refusal's problem type.
   */
  default RequestHandler protect(RequestHandler handler) {
    return request -> {
      Object user;
      try {
        user = authenticate(request);
      } catch (HttpProblem refused) {
        String type = refused.type();
        WorkContext.outcome(
            Telemetry.Check.AUTHENTICATION, type.substring(type.lastIndexOf('/') + 1));
        throw refused;
      }
      WorkContext.outcome(Telemetry.Check.AUTHENTICATION, "accepted");
      return handler.handle(request.withUser(user));
    };
  }
}
