package dev.hookc.runtime;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one exchange end to end: admission, routing, reading the body, calling the handler, turning
 * whatever happens into a response, writing it, and logging one line.
 */
final class ExchangeHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(HookcServer.class.getName());
  private static final System.Logger ACCESS = System.getLogger("dev.hookc.runtime.access");

  private final Router router;
  private final long defaultMaxBodyBytes;
  private final Route healthRoute;
  private final AdmissionExecutor admission;

  ExchangeHandler(
      Router router, long defaultMaxBodyBytes, Route healthRoute, AdmissionExecutor admission) {
    this.router = router;
    this.defaultMaxBodyBytes = defaultMaxBodyBytes;
    this.healthRoute = healthRoute;
    this.admission = admission;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String rawPath = rawPath(exchange.getRequestURI());
    String requestId = null;
    Response response;
    try {
      response = respond(exchange, method, rawPath);
    } catch (HttpProblem problem) {
      requestId = newRequestId();
      response = Problems.toResponse(problem, requestId);
    } catch (IOException e) {
      // The client went away mid-request; there is nobody to answer.
      LOG.log(Level.DEBUG, "client disconnected while sending {0} {1}", method, rawPath);
      exchange.close();
      return;
    } catch (Exception | StackOverflowError e) {
      requestId = newRequestId();
      LOG.log(Level.ERROR, "request " + requestId + " failed: " + method + " " + rawPath, e);
      response = Problems.toResponse(Problems.internal(), requestId);
    }
    send(exchange, response, method.equals("HEAD"));
    if (ACCESS.isLoggable(Level.DEBUG)) {
      long micros = (System.nanoTime() - start) / 1_000;
      ACCESS.log(Level.DEBUG, accessLine(method, rawPath, response.status(), micros, requestId));
    }
  }

  /** {@code method=POST path=/x status=200 durationMs=1.234}, and the request id of a problem. */
  static String accessLine(
      String method, String rawPath, int status, long micros, String requestId) {
    long fraction = micros % 1000;
    StringBuilder line =
        new StringBuilder(96)
            .append("method=")
            .append(method)
            .append(" path=")
            .append(rawPath)
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

  private Response respond(HttpExchange exchange, String method, String rawPath) throws Exception {
    Router.Match match = router.match(method, UriDecoding.pathSegments(rawPath));
    boolean admitted = AdmissionExecutor.admitted();
    if (!admitted && !isHealth(match)) {
      throw admission.stopping() ? Problems.stopping() : Problems.overloaded();
    }
    if (match instanceof Router.Missing) {
      throw Problems.notFound();
    }
    if (match instanceof Router.NotAllowed) {
      String allow = ((Router.NotAllowed) match).allow();
      if (method.equals("OPTIONS")) {
        return Response.empty(204).withHeader("Allow", allow);
      }
      throw Problems.methodNotAllowed(method, allow);
    }
    Router.Found found = (Router.Found) match;
    Route route = found.route();
    long limit = route.maxBodyBytes() < 0 ? defaultMaxBodyBytes : route.maxBodyBytes();
    Headers headers = exchange.getRequestHeaders();
    byte[] body = BodyReader.read(headers, exchange.getRequestBody(), limit);
    Request request =
        new Request(
            method,
            rawPath,
            found.params(),
            UriDecoding.query(exchange.getRequestURI().getRawQuery()),
            headers,
            body);
    Response response = route.handler().handle(request);
    if (response == null) {
      throw new IllegalStateException("handler returned no response for " + route.path());
    }
    return response;
  }

  private boolean isHealth(Router.Match match) {
    return match instanceof Router.Found && ((Router.Found) match).route() == healthRoute;
  }

  private static void send(HttpExchange exchange, Response response, boolean head) {
    try (exchange) {
      Headers out = exchange.getResponseHeaders();
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        out.put(header.getKey(), new ArrayList<>(header.getValue()));
      }
      byte[] body = response.bodyBytes();
      int status = response.status();
      boolean bodiless = status == 204 || status == 304;
      if (head) {
        // The JDK sends no Content-Length for HEAD on its own; the one a GET would carry is due.
        if (!bodiless && !out.containsKey("Content-Length")) {
          out.set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(status, -1);
      } else if (body.length == 0 || bodiless) {
        exchange.sendResponseHeaders(status, -1);
      } else {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(body);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "client disconnected before the response was sent");
    }
  }

  private static String rawPath(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** A short id that ties a problem body to the server's log: 12 hexadecimal digits. */
  static String newRequestId() {
    // Bit 48 set, then cut off: Long.toHexString keeps the leading zeros, String.format is slow.
    long bits = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
    return Long.toHexString(bits | (1L << 48)).substring(1);
  }
}
