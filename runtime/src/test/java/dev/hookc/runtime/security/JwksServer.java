package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWKS host on a loopback port: serves the keys last {@linkplain #publish published} at a path of
 * its own, counts the fetches, and can answer an error, hang until closed, or be stopped. The key
 * set is written here by hand, from the keys' numbers, independently of the library under test.
 */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<Answer> answer = new AtomicReference<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  // Unique, since verifiers of one URL share their cache for the life of the test JVM.
  private final String path = "/jwks/" + UUID.randomUUID();

  /** What the next fetches get. */
  record Answer(int status, String body, String location, boolean hang, boolean trickle) {}

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, this::serve);
    server.start();
    answer.set(new Answer(200, "{\"keys\":[]}", null, false, false));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int fetches() {
    return fetches.get();
  }

  /** Serves these keys from now on: each is a kid followed by its key pair. */
  JwksServer publish(Object... kidsAndKeys) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < kidsAndKeys.length; i += 2) {
      keys.add(jwk((String) kidsAndKeys[i], (KeyPair) kidsAndKeys[i + 1]));
    }
    return answer(200, "{\"keys\":[" + String.join(",", keys) + "]}");
  }

  JwksServer answer(int status, String body) {
    answer.set(new Answer(status, body, null, false, false));
    return this;
  }

  JwksServer redirectTo(String location) {
    answer.set(new Answer(302, "", location, false, false));
    return this;
  }

  /** Fetches get no answer until the server is closed. */
  JwksServer hang() {
    answer.set(new Answer(200, "", null, true, false));
    return this;
  }

  /** Fetches get their headers at once, then one byte of body every 50 ms until closed. */
  JwksServer trickle() {
    answer.set(new Answer(200, "", null, false, true));
    return this;
  }

  static String jwk(String kid, KeyPair keys) {
    if (keys.getPublic() instanceof RSAPublicKey rsa) {
      return "{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\""
          + kid
          + "\",\"n\":\""
          + unsigned(rsa.getModulus(), 0)
          + "\",\"e\":\""
          + unsigned(rsa.getPublicExponent(), 0)
          + "\"}";
    }
    ECPublicKey ec = (ECPublicKey) keys.getPublic();
    int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
    String curve = size == 32 ? "P-256" : size == 48 ? "P-384" : "P-521";
    return "{\"kty\":\"EC\",\"kid\":\""
        + kid
        + "\",\"crv\":\""
        + curve
        + "\",\"x\":\""
        + unsigned(ec.getW().getAffineX(), size)
        + "\",\"y\":\""
        + unsigned(ec.getW().getAffineY(), size)
        + "\"}";
  }

  private static String unsigned(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length < size) {
      byte[] padded = new byte[size];
      System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
      bytes = padded;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void serve(HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    Answer now = answer.get();
    try (exchange) {
      if (now.hang()) {
        try {
          closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (now.trickle()) {
        exchange.sendResponseHeaders(200, 1_000_000);
        OutputStream out = exchange.getResponseBody();
        out.write('{');
        out.flush();
        try {
          while (!closed.await(50, TimeUnit.MILLISECONDS)) {
            out.write(' ');
            out.flush();
          }
        } catch (InterruptedException | IOException e) {
          // the client went away, or the server stops
        }
        return;
      }
      if (now.location() != null) {
        exchange.getResponseHeaders().add("Location", now.location());
      }
      byte[] body = now.body().getBytes(UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(now.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
