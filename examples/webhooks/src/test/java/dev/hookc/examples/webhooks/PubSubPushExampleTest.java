package dev.hookc.examples.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hookc.runtime.Application;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pub/Sub push deliveries to the route whose {@code jwks_url} comes from the configuration, with
 * Google's side played by a key set on a loopback port that rotates its keys as Google does.
 */
@Timeout(30)
class PubSubPushExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String AUDIENCE = "https://hooks.example.com/webhooks/pubsub";

  /** The key set served at each path, and how often each was fetched. */
  private static final Map<String, String> published = new ConcurrentHashMap<>();

  private static final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private static HttpServer google;
  private static KeyPair current;
  private static KeyPair next;
  @TempDir static Path data;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    current = rsa.generateKeyPair();
    next = rsa.generateKeyPair();
    google = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    google.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          byte[] body = published.getOrDefault(path, "{\"keys\":[]}").getBytes(UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    google.start();
  }

  /** The example's server, with Google's keys at {@code path} of the loopback key host. */
  private static Application serverWithKeysAt(String path) throws Exception {
    return start("http://127.0.0.1:" + google.getAddress().getPort() + path);
  }

  private static Application start(String jwksUrl) throws Exception {
    return SignedWebhooksExampleTest.builder(data)
        .config("pubsub.jwks_url", jwksUrl)
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    google.stop(0);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return b64(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }

  private static String keySet(String kid, KeyPair keys) {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + unsigned(key.getModulus())
        + "\",\"e\":\""
        + unsigned(key.getPublicExponent())
        + "\"}]}";
  }

  /** A token as Google signs one for a push subscription, with {@code claims} added. */
  private static String token(String kid, KeyPair keys, String claims) throws Exception {
    return token(kid, keys, AUDIENCE, claims);
  }

  private static String token(String kid, KeyPair keys, String audience, String claims)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    String payload =
        "{\"aud\":\""
            + audience
            + "\",\"email\":\"pusher@example.iam.gserviceaccount.com\",\"email_verified\":true,"
            + "\"iat\":"
            + now
            + ",\"iss\":\"https://accounts.google.com\",\"sub\":\"1137\""
            + claims
            + "}";
    String signed =
        b64(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}").getBytes(UTF_8))
            + "."
            + b64(payload.getBytes(UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update(signed.getBytes(UTF_8));
    return signed + "." + b64(signature.sign());
  }

  private static String expiresInAnHour() {
    return ",\"exp\":" + (Instant.now().getEpochSecond() + 3600);
  }

  private static HttpResponse<String> push(Application to, String messageId, String token)
      throws Exception {
    String body =
        "{\"message\":{\"data\":\"aGVsbG8=\",\"messageId\":\""
            + messageId
            + "\",\"publishTime\":\"2026-12-03T08:00:00Z\"},"
            + "\"subscription\":\"projects/p/subscriptions/hookc\"}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(to.baseUri() + "/webhooks/pubsub"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAPushSignedWithGooglesKeyAndFollowsTheKeyRotation() throws Exception {
    // Unique per run: the example's store outlives a test run.
    String id = UUID.randomUUID().toString();
    published.put("/rotating/certs", keySet("k1", current));
    try (Application server = serverWithKeysAt("/rotating/certs")) {
      HttpResponse<String> first = push(server, id + "-1", token("k1", current, expiresInAnHour()));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      JsonNode user = JSON.readTree(first.body()).path("user");
      assertThat(user.path("email").asText()).isEqualTo("pusher@example.iam.gserviceaccount.com");
      HttpResponse<String> redelivered =
          push(server, id + "-1", token("k1", current, expiresInAnHour()));
      assertThat(redelivered.headers().firstValue("idempotent-replayed")).hasValue("true");

      published.put("/rotating/certs", keySet("k2", next));

      assertThat(push(server, id + "-2", token("k2", next, expiresInAnHour())).statusCode())
          .isEqualTo(200);
      assertThat(fetches.get("/rotating/certs").get()).isEqualTo(2);
      assertThat(push(server, id + "-3", token("k1", current, expiresInAnHour())).statusCode())
          .as("the retired key")
          .isEqualTo(401);
    }
  }

  @Test
  void refusesAPushWithoutExpOrForAnotherAudience() throws Exception {
    published.put("/certs", keySet("k1", current));
    try (Application server = serverWithKeysAt("/certs")) {
      HttpResponse<String> noExp = push(server, "m-4", token("k1", current, ""));
      assertThat(noExp.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(noExp.body()).path("detail").asText()).contains("'exp'");

      HttpResponse<String> elsewhere =
          push(
              server, "m-5", token("k1", current, "https://other.example.com/", expiresInAnHour()));
      assertThat(elsewhere.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(elsewhere.body()).path("detail").asText()).contains("audience");
    }
  }

  @Test
  void answers503WithRetryAfterWhileGooglesKeysCannotBeFetched() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Application cut = start("http://127.0.0.1:" + closedPort + "/oauth2/v3/certs")) {
      HttpResponse<String> response = push(cut, "m-6", token("k1", current, expiresInAnHour()));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("retry-after")).isPresent();
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
  }
}
