package dev.hookc.runtime;

import dev.hookc.runtime.http.Exchange;
import dev.hookc.runtime.http.HttpApplication;
import dev.hookc.runtime.http.Rejection;
import dev.hookc.runtime.json.Problems;
import dev.hookc.runtime.routing.Router;
import dev.hookc.runtime.routing.UriDecoding;
import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one exchange end to end once the transport has read it whole: admission, routing, calling
 * the handler, turning whatever happens into a response, and logging one line.
 */
final class ExchangeHandler implements HttpApplication {

  private static final System.Logger LOG = System.getLogger(HookcServer.class.getName());
  private static final System.Logger ACCESS = System.getLogger("dev.hookc.runtime.access");
  private static final Router.Match MISSING = new Router.Missing();

  private final Router router;
  private final long defaultMaxBodyBytes;
  private final Route healthRoute;

  ExchangeHandler(Router router, long defaultMaxBodyBytes, Route healthRoute) {
    this.router = router;
    this.defaultMaxBodyBytes = defaultMaxBodyBytes;
    this.healthRoute = healthRoute;
  }

  @Override
  public long route(Exchange exchange) {
    Object routed;
    try {
      routed = match(exchange.method(), exchange.path());
    } catch (HttpProblem problem) {
      routed = problem; // a malformed escape: answered when the request is handled
    }
    exchange.attach(routed);
    if (routed instanceof Router.Found found) {
      Route route = found.route();
      return route.maxBodyBytes() < 0 ? defaultMaxBodyBytes : route.maxBodyBytes();
    }
    return -1;
  }

  @Override
  public void handle(Exchange exchange) {
    long start = System.nanoTime();
    String method = exchange.method();
    String rawPath = exchange.path();
    String requestId = null;
    Response response;
    try {
      response = respond(exchange);
    } catch (HttpProblem problem) {
      requestId = newRequestId();
      response = Problems.toResponse(problem, requestId);
    } catch (Exception | StackOverflowError e) {
      requestId = newRequestId();
      LOG.log(Level.ERROR, "request " + requestId + " failed: " + method + " " + rawPath, e);
      response = Problems.toResponse(Problems.internal(), requestId);
    }
    exchange.respond(response.status(), response.headers(), response.bodyBytes());
    log(method, rawPath, response.status(), start, requestId);
  }

  @Override
  public void reject(Exchange exchange, Rejection rejection) {
    long start = System.nanoTime();
    String requestId = newRequestId();
    Response response = Problems.toResponse(Problems.rejected(rejection), requestId);
    exchange.respond(response.status(), response.headers(), response.bodyBytes());
    log(exchange.method(), exchange.path(), response.status(), start, requestId);
  }

  /** {@code method=POST path=/x status=200 durationMs=1.234}, and the request id of a problem. */
  static String accessLine(
      String method, String rawPath, int status, long micros, String requestId) {
    long fraction = micros % 1000;
    StringBuilder line =
        new StringBuilder(96)
            .append("method=")
            .append(method == null ? "-" : method)
            .append(" path=")
            .append(rawPath == null ? "-" : rawPath)
            .append(" status=")
            .append(status)
            .append(" durationMs=")
            .append(micros / 1000)
            .append('.');
    if (fraction < 100) {
      line.append(fraction < 10 ? "00" : "0");
    }
    line.append(fraction);
    if (requestId != null) {
      line.append(" requestId=").append(requestId);
    }
    return line.toString();
  }

  private static void log(String method, String rawPath, int status, long start, String id) {
    if (ACCESS.isLoggable(Level.DEBUG)) {
      long micros = (System.nanoTime() - start) / 1_000;
      ACCESS.log(Level.DEBUG, accessLine(method, rawPath, status, micros, id));
    }
  }

  private Router.Match match(String method, String rawPath) {
    if (rawPath.equals("*")) {
      // OPTIONS * asks about the server as a whole.
      return new Router.NotAllowed(router.allMethods());
    }
    if (rawPath.contains("//")) {
      // An empty segment names nothing; no template has one.
      return MISSING;
    }
    return router.match(method, UriDecoding.pathSegments(rawPath));
  }

  private Response respond(Exchange exchange) throws Exception {
    Object routed = exchange.attachment();
    if (routed instanceof HttpProblem problem) {
      throw problem;
    }
    Router.Match match = (Router.Match) routed;
    if (!exchange.admitted() && !isHealth(match)) {
      throw exchange.stopping() ? Problems.stopping() : Problems.overloaded();
    }
    String method = exchange.method();
    if (match instanceof Router.Missing) {
      throw Problems.notFound();
    }
    if (match instanceof Router.NotAllowed notAllowed) {
      if (method.equals("OPTIONS")) {
        return Response.empty(204).withHeader("Allow", notAllowed.allow());
      }
      throw Problems.methodNotAllowed(method, notAllowed.allow());
    }
    Router.Found found = (Router.Found) match;
    Route route = found.route();
    Request request =
        new Request(
            method,
            exchange.path(),
            found.params(),
            UriDecoding.query(exchange.query()),
            exchange.headers(),
            exchange.body());
    Response response = route.handler().handle(request);
    if (response == null) {
      throw new IllegalStateException("handler returned no response for " + route.path());
    }
    return response;
  }

  // The health route itself, not a user's route that happens to be equal to it.
  @SuppressWarnings("ReferenceEquality")
  private boolean isHealth(Router.Match match) {
    return match instanceof Router.Found found && found.route() == healthRoute;
  }

  /** A short id that ties a problem body to the server's log: 12 hexadecimal digits. */
  static String newRequestId() {
    // Bit 48 set, then cut off: Long.toHexString keeps the leading zeros, String.format is slow.
    long bits = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
    return Long.toHexString(bits | (1L << 48)).substring(1);
  }
}
