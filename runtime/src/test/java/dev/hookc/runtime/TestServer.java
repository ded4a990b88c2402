package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A server on a free loopback port and the clients that talk to it in tests. */
public final class TestServer implements AutoCloseable {

  public static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final HookcServer server;

  private TestServer(HookcServer server) {
    this.server = server;
  }

  static TestServer start(Route... routes) throws IOException {
    return start(HookcServer.builder().routes(java.util.List.of(routes)));
  }

  public static TestServer start(HookcServer.Builder builder) throws IOException {
    return new TestServer(
        builder.host("127.0.0.1").port(0).shutdownGrace(Duration.ofMillis(200)).start());
  }

  public URI uri(String pathAndQuery) {
    return URI.create(server.baseUri() + pathAndQuery);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Sends a GET without waiting, for requests that are meant to stay in flight. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  HttpResponse<String> postJson(String path, String json) throws Exception {
    return post(path, "application/json", json.getBytes(UTF_8));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  /** Sends {@code request} as written on a fresh socket and reads one response. */
  RawResponse raw(byte[] request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return RawResponse.read(socket.getInputStream());
    }
  }

  RawResponse raw(String request) throws IOException {
    return raw(request.getBytes(ISO_8859_1));
  }

  @Override
  public void close() {
    server.stop(Duration.ofMillis(200));
  }

  /** A response read straight off a socket. */
  record RawResponse(int status, Map<String, String> headers, String body) {

    static RawResponse read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed before the response headers ended");
        }
        head.write(b);
      }
      String[] lines = head.toString(ISO_8859_1).split("\r\n", -1);
      int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      // The head ends with an empty line: the last two entries are empty.
      for (int i = 1; i < lines.length - 2; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      String length = headers.get("content-length");
      byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
      return new RawResponse(status, headers, new String(body, UTF_8));
    }
  }
}
