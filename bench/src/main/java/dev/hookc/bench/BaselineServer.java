package dev.hookc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The practical limit for the callback example: the JDK's HttpServer and Jackson doing the least a
 * correct receiver must do — read the body, parse it, check that {@code status} is a string, and
 * answer the same JSON as the generated app (or a 400 problem). No routing table, no schema, no
 * workflow, no logging.
 *
 * <p>Serves {@code POST /callback} on the port in {@code PORT} (default 3001). {@code
 * bench.executor} picks where handlers run: {@code pool} (default, a fixed pool of {@code
 * bench.threads} threads, 64 like hookc's default on 2 cores) or {@code dispatcher} (the JDK
 * server's own single thread).
 */
public final class BaselineServer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] OK =
      "{\"message\":\"Callback received and processed successfully\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] BAD =
      ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
              + "\"detail\":\"status must be a string\"}")
          .getBytes(StandardCharsets.UTF_8);

  private BaselineServer() {}

  public static void main(String[] args) throws IOException {
    // The same TCP_NODELAY as hookc sets; without it every response waits for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3001"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
    server.createContext("/callback", BaselineServer::handle);
    if (!System.getProperty("bench.executor", "pool").equals("dispatcher")) {
      server.setExecutor(
          Executors.newFixedThreadPool(Integer.getInteger("bench.threads", 64), daemonThreads()));
    }
    server.start();
    System.out.println("baseline: serving POST /callback on http://localhost:" + port);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      boolean valid;
      try (InputStream in = exchange.getRequestBody()) {
        JsonNode body = MAPPER.readTree(in);
        valid = body != null && body.path("status").isTextual();
      } catch (IOException e) {
        valid = false;
      }
      byte[] answer = valid ? OK : BAD;
      exchange
          .getResponseHeaders()
          .set("Content-Type", valid ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(valid ? 200 : 400, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "baseline");
      thread.setDaemon(true);
      return thread;
    };
  }
}
