package dev.hookc.runtime.internal.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A provider's API on a free loopback port: each path answers what its queue of answers says (the
 * last one again once the queue holds one), and every request is recorded.
 */
final class ProviderServer implements AutoCloseable {

  /** A request as it arrived. */
  record Received(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** What to answer. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }
  }

  /** Answers an exchange itself, for answers a record cannot describe. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange, Received received) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, BlockingQueue<Handler>> answers = new ConcurrentHashMap<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  ProviderServer() throws IOException {
    server =
        HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort(); // the loopback address
  }

  /** {@code path} answers {@code answers} in turn, then the last one again. */
  ProviderServer on(String path, Answer... answers) {
    Handler[] handlers = new Handler[answers.length];
    for (int i = 0; i < answers.length; i++) {
      Answer answer = answers[i];
      handlers[i] = (exchange, received) -> send(exchange, answer);
    }
    return on(path, handlers);
  }

  ProviderServer on(String path, Handler... handlers) {
    answers.put(path, new LinkedBlockingQueue<>(List.of(handlers)));
    return this;
  }

  List<Received> to(String path) {
    return received.stream().filter(r -> r.rawPath().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Received request =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      received.add(request);
      BlockingQueue<Handler> queue = answers.get(request.rawPath());
      if (queue == null) {
        send(exchange, Answer.json(404, "{\"error\":\"no such path\"}"));
        return;
      }
      Handler handler = queue.size() > 1 ? queue.poll() : queue.peek();
      handler.handle(exchange, request);
    }
  }

  static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
