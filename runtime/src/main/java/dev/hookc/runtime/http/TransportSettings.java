package dev.hookc.runtime.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the transport listens and the limits it enforces.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param maxConcurrentRequests how many complete requests may be handled at once
 * @param requestHeadTimeout how long a request's head may take from its first byte (and a new
 *     connection until its first byte)
 * @param idleTimeout how long a connection may wait between requests
 * @param minBodyBytesPerSecond the average rate below which a body is refused once {@code
 *     bodyRateGrace} has passed; 0 for no minimum
 * @param bodyRateGrace how long a body may arrive at any rate
 * @param responseTimeout how long a client may take to read a response
 * @param maxConnectionsPerAddress how many connections one client address may hold; 0 for no cap
 * @param maxConnections how many connections may be open at once
 * @param maxBufferedBodyBytes how much memory the bodies still arriving may hold together
 */
public record TransportSettings(
    String host,
    int port,
    int maxConcurrentRequests,
    Duration requestHeadTimeout,
    Duration idleTimeout,
    long minBodyBytesPerSecond,
    Duration bodyRateGrace,
    Duration responseTimeout,
    int maxConnectionsPerAddress,
    int maxConnections,
    long maxBufferedBodyBytes) {

  public TransportSettings {
    Objects.requireNonNull(host, "host");
    positive(requestHeadTimeout, "requestHeadTimeout");
    positive(idleTimeout, "idleTimeout");
    positive(responseTimeout, "responseTimeout");
    if (bodyRateGrace.isNegative()) {
      throw new IllegalArgumentException("bodyRateGrace must not be negative: " + bodyRateGrace);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    if (maxConcurrentRequests < 1 || maxConnections < 1 || maxBufferedBodyBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (minBodyBytesPerSecond < 0 || maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }

  /**
   * The default for {@code maxConcurrentRequests}: 1024 with virtual threads, else max(64, 8 ×
   * CPUs).
   */
  public static int defaultMaxConcurrentRequests() {
    return Workers.defaultLimit();
  }

  /** The default for {@code maxBufferedBodyBytes}: a quarter of the maximum heap. */
  public static long defaultMaxBufferedBodyBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  static void positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
