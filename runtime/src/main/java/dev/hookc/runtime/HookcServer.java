package dev.hookc.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP server for a set of routes, on the JDK's own {@code com.sun.net.httpserver}.
 *
 * <p>Every request is read whole (up to the route's body limit) before its handler runs, and every
 * response carries {@code Content-Length}; keep-alive is on. Paths match with or without one
 * trailing slash. Errors are {@code application/problem+json} (RFC 9457): 404 for an unknown path,
 * 405 with {@code Allow} for a known path and another method, 413 for a body over the limit, 503
 * with {@code Retry-After} when more than {@code maxConcurrentRequests} requests are in flight, and
 * 500, with nothing about the failure but a {@code requestId} that is also logged, when a handler
 * throws anything other than {@link HttpProblem}. {@code HEAD} is answered by the {@code GET} route
 * without the body; {@code OPTIONS} on a known path answers 204 with {@code Allow}.
 *
 * <p>Handlers run on virtual threads on Java 21 and later, and otherwise on a pool of {@code
 * maxConcurrentRequests} threads. Unless the corresponding system properties are set, a client gets
 * {@value ServerProperties#MAX_REQUEST_SECONDS} s to send its request, the server {@value
 * ServerProperties#MAX_RESPONSE_SECONDS} s to send the answer, and idle keep-alive connections
 * close after {@value ServerProperties#IDLE_SECONDS} s ({@code sun.net.httpserver.maxReqTime},
 * {@code maxRspTime}, {@code idleInterval}); {@code TCP_NODELAY} is on ({@code
 * sun.net.httpserver.nodelay}).
 *
 * <p>A server owns what its routes need and {@link Builder#closeOnStop registers} with it: when it
 * stops, it admits no new requests, lets those in flight finish, then closes those resources, the
 * last registered first (inbox workers, then the store, whose close releases the idempotency claims
 * of requests that did not complete).
 *
 * <p>One line per request goes to the {@code dev.hookc.runtime.access} logger at DEBUG (off unless
 * enabled); failures go to this class's logger at ERROR, and the start and end of a stop at INFO.
 */
public final class HookcServer implements AutoCloseable {

  static {
    // The JDK reads these when its server classes load, which HttpServer.create triggers.
    ServerProperties.apply();
  }

  private static final System.Logger LOG = System.getLogger(HookcServer.class.getName());

  private final HttpServer server;
  private final AdmissionExecutor admission;
  private final Duration shutdownGrace;
  private final List<AutoCloseable> owned;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private HookcServer(
      HttpServer server,
      AdmissionExecutor admission,
      Duration shutdownGrace,
      List<AutoCloseable> owned) {
    this.server = server;
    this.admission = admission;
    this.shutdownGrace = shutdownGrace;
    this.owned = owned;
  }

  /** A builder with the defaults described on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port the server listens on, which is the one chosen when port 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address to reach the server, {@code http://<host>:<port>}; a wildcard host as loopback. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /**
   * Stops gracefully: admits no new requests (they get 503 with {@code Connection: close}), waits
   * up to {@code grace} for those in flight, closes every connection, then closes what was
   * registered with {@link Builder#closeOnStop}, the last first. Calling it again does nothing.
   */
  public void stop(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long started = System.nanoTime();
    LOG.log(
        Level.INFO,
        "stopping: admitting no new requests, waiting up to {0} ms for those in flight",
        Long.toString(grace.toMillis()));
    boolean drained = admission.drain(grace);
    if (!drained) {
      LOG.log(
          Level.WARNING,
          "requests still in flight after {0} ms; closing",
          Long.toString(grace.toMillis()));
    }
    // In-flight work is done or out of time, so there is nothing left to wait for here; the JDK's
    // own delay counts whole seconds.
    server.stop(0);
    admission.shutdown();
    // Only now: a request still in flight may need the store, and inbox workers must stop before
    // the store they use closes.
    ShutdownSequence.closeInReverse(owned);
    LOG.log(
        Level.INFO,
        "stopped after {0} ms",
        Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  /**
   * Stops gracefully, with the configured grace, when the JVM shuts down (e.g. on SIGTERM). The
   * console log of {@link ConsoleLog} keeps writing until the stop is done, and resources
   * registered with {@link #closeOnShutdown} close after it.
   */
  public void stopOnShutdownSignal() {
    ShutdownSequence.stopOnShutdown(() -> stop(shutdownGrace));
  }

  /**
   * Closes {@code resource} when the JVM shuts down, after every server that {@linkplain
   * #stopOnShutdownSignal stops on that signal} has stopped and closed what it owns; the last
   * registered closes first. For what lives as long as the process rather than one server, such as
   * a database a function opens on first use and keeps in a static field.
   */
  public static void closeOnShutdown(AutoCloseable resource) {
    ShutdownSequence.closeOnShutdown(Objects.requireNonNull(resource, "resource"));
  }

  /** Stops with the configured grace. */
  @Override
  public void close() {
    stop(shutdownGrace);
  }

  /** Collects routes and settings, then starts the server. */
  public static final class Builder {

    private String host = "0.0.0.0";
    private int port = 8080;
    private final List<Route> routes = new ArrayList<>();
    private long maxBodyBytes = 1024 * 1024;
    private String healthPath = "/health";
    private int maxConcurrentRequests = AdmissionExecutor.defaultLimit();
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private final List<AutoCloseable> owned = new ArrayList<>();

    private Builder() {}

    /** The address to listen on; default {@code 0.0.0.0}, every interface. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to listen on; default 8080, and 0 picks any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a valid port: " + port);
      }
      this.port = port;
      return this;
    }

    /** Adds a route; a route with the same method and template shape as another is an error. */
    public Builder route(Route route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /** Adds routes. */
    public Builder routes(Collection<Route> routes) {
      routes.forEach(this::route);
      return this;
    }

    /** The body limit for routes without their own; default 1 MiB. */
    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = checkedLimit(bytes);
      return this;
    }

    /**
     * The path that answers {@code GET} with 200 {@code {"status":"UP"}}, even when the server is
     * busy; default {@code /health}, and null disables it.
     */
    public Builder healthPath(String path) {
      this.healthPath = path;
      return this;
    }

    /**
     * How many requests may be in flight at once, from the first byte of the request to the last of
     * the response; default 1024 on Java 21+ (virtual threads), otherwise max(64, 8 × processors),
     * which is also the size of the thread pool. Beyond it, requests are answered 503 with {@code
     * Retry-After: 1} at once rather than queued.
     */
    public Builder maxConcurrentRequests(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be positive: " + n);
      }
      this.maxConcurrentRequests = n;
      return this;
    }

    /**
     * How long {@link #close()} and a shutdown signal wait for in-flight requests; default 10 s.
     */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace must not be negative: " + grace);
      }
      this.shutdownGrace = grace;
      return this;
    }

    /**
     * Makes the server the owner of {@code resource}: it closes it when it stops, after the
     * requests in flight have finished (or the grace ran out). Resources close in the reverse order
     * of their registration, as try-with-resources closes them, so register what others use first:
     * a store before the inbox workers that run on it. If the server fails to start, they close at
     * once.
     */
    public Builder closeOnStop(AutoCloseable resource) {
      owned.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /** Binds and starts the server. */
    public HookcServer start() throws IOException {
      try {
        return bind();
      } catch (IOException | RuntimeException e) {
        ShutdownSequence.closeInReverse(owned);
        throw e;
      }
    }

    private HookcServer bind() throws IOException {
      List<Route> all = new ArrayList<>(routes);
      Route health = null;
      if (healthPath != null) {
        health = Route.of("GET", healthPath, request -> Response.json(200, Map.of("status", "UP")));
        all.add(health);
      }
      for (Route route : all) {
        if (route.maxBodyBytes() >= 0) {
          checkedLimit(route.maxBodyBytes());
        }
      }
      Router router = new Router(all);
      AdmissionExecutor admission = new AdmissionExecutor(maxConcurrentRequests);
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
      } catch (IOException | RuntimeException e) {
        admission.shutdown();
        throw e;
      }
      server.createContext("/", new ExchangeHandler(router, maxBodyBytes, health, admission));
      server.setExecutor(admission);
      server.start();
      return new HookcServer(server, admission, shutdownGrace, List.copyOf(owned));
    }

    private static long checkedLimit(long bytes) {
      // Bodies are held in one array.
      if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("not a valid body limit: " + bytes);
      }
      return bytes;
    }
  }
}
