package dev.hookc.runtime;

import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.http.HttpTransport;
import dev.hookc.runtime.http.TransportSettings;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.runtime.log.ShutdownSequence;
import dev.hookc.runtime.routing.Router;
import dev.hookc.runtime.telemetry.Telemetry;
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
 * An HTTP/1.1 server for a set of routes, on hookc's own non-blocking transport ({@code
 * dev.hookc.runtime.http}).
 *
 * <p>Every request is read whole (up to the route's body limit) before its handler runs, and every
 * response carries {@code Content-Length}; keep-alive is on. Paths match with or without one
 * trailing slash. Errors are {@code application/problem+json} (RFC 9457): 404 for an unknown path,
 * 405 with {@code Allow} for a known path and another method, 413 for a body over the limit, 503
 * with {@code Retry-After} when {@code maxConcurrentRequests} requests are already being handled,
 * and 500, with nothing about the failure but a {@code requestId} that is also logged, when a
 * handler throws anything other than {@link HttpProblem}. {@code HEAD} is answered by the {@code
 * GET} route without the body; {@code OPTIONS} on a known path answers 204 with {@code Allow}.
 *
 * <p>One selector thread reads every request's head and body without blocking; only a complete
 * request takes one of the {@code maxConcurrentRequests} slots and runs its handler, on a virtual
 * thread on Java 21 and later and otherwise on a pool of that many threads. So a client that sends
 * slowly, or reads its answer slowly, costs a socket and a buffer but never a slot, and the health
 * path is answered even when every slot is taken. The head must be strict HTTP/1.1 or 1.0 (RFC
 * 9112): a malformed one is a 400, and one whose framing could be read two ways (a repeated or
 * malformed {@code Content-Length}, {@code Content-Length} with {@code Transfer-Encoding}, a coding
 * other than one final {@code chunked}) is refused and the connection closed. Limits, each a
 * problem answer followed by closing the connection: a request line of 8 KiB (414), a header
 * section of 64 KiB or 100 fields (431), the head within {@link Builder#requestHeadTimeout} of its
 * first byte (408), the body at {@link Builder#minRequestBodyRate} (408); a client has {@link
 * Builder#responseTimeout} to read an answer, and {@link Builder#maxConnectionsPerAddress} and
 * {@link Builder#maxConnections} cap open connections (beyond them, 503 and close), and {@link
 * Builder#maxBufferedBodyBytes} the memory of bodies still arriving. Idle keep-alive connections
 * close after {@link Builder#idleTimeout}. {@code TCP_NODELAY} is on.
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

  private static final System.Logger LOG = System.getLogger(HookcServer.class.getName());

  private final HttpTransport transport;
  private final Duration shutdownGrace;
  private final List<AutoCloseable> owned;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private HookcServer(HttpTransport transport, Duration shutdownGrace, List<AutoCloseable> owned) {
    this.transport = transport;
    this.shutdownGrace = shutdownGrace;
    this.owned = owned;
  }

  /** A builder with the defaults described on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port the server listens on, which is the one chosen when port 0 was asked for. */
  public int port() {
    return transport.address().getPort();
  }

  /** The address to reach the server, {@code http://<host>:<port>}; a wildcard host as loopback. */
  public URI baseUri() {
    InetSocketAddress address = transport.address();
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
   * Stops gracefully: admits no new requests (they get 503 with {@code Connection: close}, while
   * the health path still answers), waits up to {@code grace} for those in flight, closes the
   * listener and every connection, then closes what was registered with {@link
   * Builder#closeOnStop}, the last first. Calling it again does nothing.
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
    // 1. Drain: the listener stays open, so that new requests learn the server is stopping.
    boolean drained = transport.drain(grace);
    if (!drained) {
      LOG.log(
          Level.WARNING,
          "requests still in flight after {0} ms; closing",
          Long.toString(grace.toMillis()));
    }
    // 2. Close the listener and every connection; handlers still running are interrupted.
    transport.close();
    // 3. Only now: a request still in flight may need the store, and inbox workers must stop
    // before the store they use closes.
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
    private int maxConcurrentRequests = TransportSettings.defaultMaxConcurrentRequests();
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private final List<AutoCloseable> owned = new ArrayList<>();
    private Duration requestHeadTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private long minBodyBytesPerSecond = 1024;
    private Duration bodyRateGrace = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private int maxConnectionsPerAddress = 256;
    private int maxConnections = 10_000;
    private long maxBufferedBodyBytes = TransportSettings.defaultMaxBufferedBodyBytes();
    private Telemetry telemetry = Telemetry.NONE;
    private Health health = new Health();

    private Builder() {}

    /**
     * The components the health path reports ({@link #healthPath}); by default none, and the path
     * always answers 200 {@code {"status":"UP"}}.
     */
    public Builder health(Health health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /**
     * What observes the requests ({@link Telemetry#NONE} by default): each gets a request id, a
     * {@link dev.hookc.runtime.telemetry.WorkContext} and an observation that ends with its status.
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

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
     * busy; default {@code /health}, and null disables it. With {@linkplain #health components},
     * the body lists each ({@code "components":{"kafka.payments.billing":{"status":"UP",
     * "restarts":0}}}), and while any is down the answer is 503 with {@code "status":"DOWN"} and
     * that component's {@code detail}.
     */
    public Builder healthPath(String path) {
      this.healthPath = path;
      return this;
    }

    /**
     * How many complete requests may be handled at once, from the moment the last byte of the
     * request has arrived until the handler returns; default 1024 on Java 21+ (virtual threads),
     * otherwise max(64, 8 × processors), which is also the size of the thread pool. Beyond it,
     * requests are answered 503 with {@code Retry-After: 1} at once rather than queued; the health
     * path is answered all the same.
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

    /**
     * How long a request's head (request line and headers) may take to arrive from its first byte,
     * and a new connection until its first byte; default 10 s. Beyond it the client gets 408 and
     * the connection closes (a new connection that sent nothing is closed without an answer).
     */
    public Builder requestHeadTimeout(Duration timeout) {
      this.requestHeadTimeout = positive(timeout, "requestHeadTimeout");
      return this;
    }

    /** How long a keep-alive connection may wait for its next request; default 30 s. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /**
     * The slowest a request body may arrive: once {@code grace} has passed since the head, a body
     * that has averaged fewer than {@code bytesPerSecond} gets 408 and the connection closes;
     * default 1024 bytes per second after 10 s, and 0 turns the check off.
     */
    public Builder minRequestBodyRate(long bytesPerSecond, Duration grace) {
      if (bytesPerSecond < 0 || grace.isNegative()) {
        throw new IllegalArgumentException(
            "not a valid minimum body rate: " + bytesPerSecond + " after " + grace);
      }
      this.minBodyBytesPerSecond = bytesPerSecond;
      this.bodyRateGrace = grace;
      return this;
    }

    /**
     * How long a client may take to read an answer once its handler has returned; default 30 s,
     * after which the connection is closed. The request's slot is free as soon as the handler
     * returns, whatever the client does.
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive(timeout, "responseTimeout");
      return this;
    }

    /**
     * How many connections one client address may hold open; default 256, and 0 for no cap. Raise
     * it behind a load balancer or proxy that opens more. A connection beyond it is answered 503
     * with {@code Retry-After: 1}, best effort and without waiting, and closed.
     */
    public Builder maxConnectionsPerAddress(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxConnectionsPerAddress must not be negative: " + n);
      }
      this.maxConnectionsPerAddress = n;
      return this;
    }

    /**
     * How many connections may be open at once; default 10,000. A connection beyond it is answered
     * like one beyond {@link #maxConnectionsPerAddress}.
     */
    public Builder maxConnections(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnections must be positive: " + n);
      }
      this.maxConnections = n;
      return this;
    }

    /**
     * How much memory the request bodies still arriving may hold together; default a quarter of the
     * maximum heap. Receiving a body takes no slot, so without it many connections each sending a
     * large body slowly could fill the heap. A body that would pass it is answered 503 with {@code
     * Retry-After: 1} and its connection closed.
     */
    public Builder maxBufferedBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBufferedBodyBytes must be positive: " + bytes);
      }
      this.maxBufferedBodyBytes = bytes;
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
        Health components = this.health;
        health =
            Route.of(
                "GET",
                healthPath,
                request -> {
                  // One snapshot of states the components keep current: nothing blocks here.
                  Map<String, Object> body = components.body();
                  return Response.json("UP".equals(body.get("status")) ? 200 : 503, body);
                });
        all.add(health);
      }
      for (Route route : all) {
        if (route.maxBodyBytes() >= 0) {
          checkedLimit(route.maxBodyBytes());
        }
      }
      Router router = new Router(all);
      TransportSettings settings =
          new TransportSettings(
              host,
              port,
              maxConcurrentRequests,
              requestHeadTimeout,
              idleTimeout,
              minBodyBytesPerSecond,
              bodyRateGrace,
              responseTimeout,
              maxConnectionsPerAddress,
              maxConnections,
              maxBufferedBodyBytes);
      HttpTransport transport =
          HttpTransport.start(
              settings, new ExchangeHandler(router, maxBodyBytes, health, telemetry, all));
      return new HookcServer(transport, shutdownGrace, List.copyOf(owned));
    }

    private static Duration positive(Duration duration, String name) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
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
