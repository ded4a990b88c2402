package dev.hookc.runtime;

import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.http.Exchange;
import dev.hookc.runtime.http.HttpApplication;
import dev.hookc.runtime.http.Rejection;
import dev.hookc.runtime.json.Problems;
import dev.hookc.runtime.log.BodyLog;
import dev.hookc.runtime.log.LogFields;
import dev.hookc.runtime.routing.Router;
import dev.hookc.runtime.routing.UriDecoding;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one exchange end to end once the transport has read it whole: admission, routing, calling
 * the handler, turning whatever happens into a response, and logging one line.
 */
final class ExchangeHandler implements HttpApplication {

  private static final System.Logger LOG = System.getLogger(HookcServer.class.getName());
  private static final System.Logger ACCESS = System.getLogger("dev.hookc.runtime.access");
  private static final Router.Match MISSING = new Router.Missing();

  /**
   * The problem types of a request that broke its contract: reported as a validation refusal when
   * nothing reported the validation's outcome before (a generated validator throws its 400).
   */
  private static final Set<String> VALIDATION_PROBLEMS =
      Set.of(
          "bad-request",
          "invalid-body",
          "malformed-json",
          "unsupported-media-type",
          "pattern-too-costly");

  private final Router router;
  private final long defaultMaxBodyBytes;
  private final Route healthRoute;
  private final Telemetry telemetry;
  // Made once: the name of a route is its method and template, as operators see it.
  private final IdentityHashMap<Route, String> routeNames = new IdentityHashMap<>();

  ExchangeHandler(
      Router router,
      long defaultMaxBodyBytes,
      Route healthRoute,
      Telemetry telemetry,
      List<Route> routes) {
    this.router = router;
    this.defaultMaxBodyBytes = defaultMaxBodyBytes;
    this.healthRoute = healthRoute;
    this.telemetry = telemetry;
    for (Route route : routes) {
      routeNames.put(route, route.method() + " " + route.path());
    }
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
    String requestId = newRequestId();
    String route =
        exchange.attachment() instanceof Router.Found found ? routeNames.get(found.route()) : null;
    // Without a telemetry module, the request costs an id, a context and a thread-local.
    RequestTelemetry work = telemetry == Telemetry.NONE ? null : new RequestTelemetry(telemetry);
    Observation observation =
        work == null
            ? Observation.NONE
            : telemetry.request(
                new RequestStart(method, route, requestId, exchange.headers()::first));
    WorkContext.Scope scope =
        WorkContext.enter(
            WorkContext.of(
                work == null ? Telemetry.NONE : work,
                requestId,
                route,
                null,
                Instant.now(),
                observation));
    String problemType = null;
    int status = 500;
    try {
      Response response;
      try {
        response = respond(exchange);
      } catch (HttpProblem problem) {
        problemType = slug(problem.type());
        response = Problems.toResponse(problem, requestId);
      } catch (Exception | StackOverflowError e) {
        DatasourceException outage = DatasourceOutages.of(e);
        if (outage != null) {
          // Expected while a database or provider is down: one line each, no stack trace.
          LOG.log(
              Level.WARNING,
              "request {0} answered 503: {1} {2}: {3} ({4})",
              requestId,
              method,
              rawPath,
              outage.getMessage(),
              outage.kind().code());
          HttpProblem problem = DatasourceOutages.problem(outage);
          problemType = slug(problem.type());
          response = Problems.toResponse(problem, requestId);
        } else {
          LOG.log(Level.ERROR, "request " + requestId + " failed: " + method + " " + rawPath, e);
          problemType = "internal-error";
          response = Problems.toResponse(Problems.internal(), requestId);
        }
      }
      status = response.status();
      exchange.respond(status, response.headers(), response.bodyBytes());
      if (work != null
          && route != null
          && problemType != null
          && !work.validated()
          && VALIDATION_PROBLEMS.contains(problemType)) {
        work.outcome(route, Telemetry.Check.VALIDATION, problemType);
      }
      log(method, rawPath, status, start, problemType == null ? null : requestId);
    } finally {
      observation.status(status, problemType);
      observation.close();
      scope.close();
    }
  }

  @Override
  public void reject(Exchange exchange, Rejection rejection) {
    long start = System.nanoTime();
    String requestId = newRequestId();
    HttpProblem problem = Problems.rejected(rejection);
    Observation observation =
        telemetry == Telemetry.NONE
            ? Observation.NONE
            : telemetry.request(
                new RequestStart(exchange.method(), null, requestId, exchange.headers()::first));
    try {
      Response response = Problems.toResponse(problem, requestId);
      exchange.respond(response.status(), response.headers(), response.bodyBytes());
      log(exchange.method(), exchange.path(), response.status(), start, requestId);
    } finally {
      observation.status(problem.status(), slug(problem.type()));
      observation.close();
    }
  }

  /** The last segment of a problem's type URI: {@code invalid-body} of hookc's own. */
  static String slug(String type) {
    int slash = type.lastIndexOf('/');
    return slash < 0 || slash == type.length() - 1 ? type : type.substring(slash + 1);
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
      // Fields for the JSON log, the same line as ever in text.
      ACCESS.log(Level.DEBUG, "{0}", new AccessLine(method, rawPath, status, micros, id));
    }
  }

  /** The access log's line: {@link #accessLine} in text, its fields in JSON. */
  private record AccessLine(String method, String rawPath, int status, long micros, String id)
      implements LogFields {

    @Override
    public String message() {
      return method + " " + rawPath + " " + status;
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("method", method);
      fields.put("path", rawPath);
      fields.put("status", status);
      fields.put("durationMs", BigDecimal.valueOf(micros, 3));
      if (id != null) {
        fields.put("requestId", id);
      }
      return fields;
    }

    @Override
    public String toString() {
      return accessLine(method, rawPath, status, micros, id);
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
    BodyLog.request(exchange.headers().first("content-type"), exchange.body());
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
