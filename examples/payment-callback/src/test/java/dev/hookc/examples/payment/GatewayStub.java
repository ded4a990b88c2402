package dev.hookc.examples.payment;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The payment gateway's API on 127.0.0.1: {@code GET /v1/payments/{id}} answers the status it was
 * given for the transaction, 404 for one it does not know, 503 while {@link #down} is set, and 401
 * without the bearer token {@link #API_KEY}.
 */
final class GatewayStub implements AutoCloseable {
  static final String API_KEY = "gw_test_key";
  private static final String PREFIX = "/v1/payments/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Function<String, String> fallback;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private volatile String lastPath;
  private volatile String lastTraceparent;

  /** A gateway that knows only the transactions given to {@link #knows}. */
  GatewayStub() throws IOException {
    this(id -> null);
  }

  /** A gateway that also knows each transaction {@code fallback} gives a status for. */
  GatewayStub(Function<String, String> fallback) throws IOException {
    this.fallback = fallback;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PREFIX, this::answer);
    server.setExecutor(executor);
    server.start();
  }

  /** Its base URL, for {@code config.gateway.base_url}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The gateway reports {@code transaction} with {@code status}. */
  GatewayStub knows(String transaction, String status) {
    statuses.put(transaction, status);
    return this;
  }

  /** While true, every call is answered 503. */
  void down(boolean isDown) {
    down.set(isDown);
  }

  /** How many calls it received. */
  int calls() {
    return calls.get();
  }

  /** The raw path of the last call, as sent. */
  String lastPath() {
    return lastPath;
  }

  /** The {@code traceparent} header of the last call, or null. */
  String lastTraceparent() {
    return lastTraceparent;
  }

  /** How many calls came without the right bearer token. */
  int unauthorized() {
    return unauthorized.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      calls.incrementAndGet();
      String path = exchange.getRequestURI().getRawPath();
      lastPath = path;
      lastTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
      if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        unauthorized.incrementAndGet();
        send(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      if (down.get()) {
        send(exchange, 503, "{\"error\":\"maintenance\"}");
        return;
      }
      // The id as the gateway reads it: the segment percent-decoded.
      String id = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String status = statuses.get(id);
      if (status == null) {
        status = fallback.apply(id);
      }
      if (!exchange.getRequestMethod().equals("GET") || status == null) {
        send(exchange, 404, "{\"error\":\"no such payment\"}");
        return;
      }
      send(exchange, 200, JSON.writeValueAsString(Map.of("id", id, "status", status)));
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
