package dev.hookc.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.security.Authenticators;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client sends what a test asks for, byte for byte, to a real server, and shows the answer. */
@Timeout(30)
class HookcClientTest {
  private static final String SECRET = "whsec_client_test";
  private static HookcServer server;
  private static HookcClient client;

  @BeforeAll
  static void start() throws Exception {
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(Route.of("POST", "/echo", HookcClientTest::echo))
            .route(Route.of("PUT", "/echo", HookcClientTest::echo))
            .route(
                Route.of(
                    "POST",
                    "/text",
                    r -> Response.of(200, "text/plain", "not json".getBytes(UTF_8))))
            .route(
                Route.of(
                    "POST",
                    "/stripe",
                    Authenticators.stripe(List.of(SECRET), Duration.ofMinutes(5), Clock.systemUTC())
                        .protect(HookcClientTest::echo)))
            .start();
    client = HookcClient.of(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Answers with what arrived: the method, the headers a test sets, and the body's bytes. */
  private static Response echo(dev.hookc.runtime.Request request) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("method", request.method());
    seen.put("contentType", request.header("content-type"));
    seen.put("stripeSignature", request.header("stripe-signature"));
    seen.put("custom", request.header("x-custom"));
    seen.put("body", new String(request.body(), UTF_8));
    seen.put("bytes", request.body().length);
    return Response.json(200, seen).withHeader("X-Echo", "yes");
  }

  @Test
  void signsTheExactJsonTextSentAndARouteVerifiesIt() {
    String body = "{ \"id\" : \"evt_1\" }";

    HookcResponse response =
        client.post("/stripe").json(body).signedWith(Signers.stripe(SECRET)).send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("body").asText()).isEqualTo(body);
    assertThat(response.json().path("contentType").asText()).isEqualTo("application/json");
    assertThat(response.json().path("stripeSignature").asText()).startsWith("t=");
  }

  @Test
  void letsAHeaderSetOnTheRequestWinOverTheSignersToSendATamperedSignature() {
    HookcResponse response =
        client
            .post("/stripe")
            .json("{}")
            .signedWith(Signers.stripe(SECRET))
            .header("Stripe-Signature", "t=1,v1=00")
            .send();

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("CONTENT-TYPE")).isEqualTo("application/problem+json");
    assertThat(response.json().path("detail").asText()).isNotEmpty();
  }

  @Test
  void replacesASignersHeaderWhateverTheCaseOfItsName() {
    HookcResponse response =
        client
            .post("/echo")
            .json("{}")
            .signedWith(Signers.stripe(SECRET))
            .header("stripe-signature", "t=1,v1=00")
            .send();

    assertThat(response.json().path("stripeSignature").asText()).isEqualTo("t=1,v1=00");
  }

  @Test
  void sendsRawBytesWithAnyContentTypeAndHeader() {
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};

    HookcResponse response =
        client
            .put("/echo")
            .body(notUtf8)
            .contentType("application/octet-stream")
            .header("X-Custom", "one")
            .send();

    assertThat(response.json().path("method").asText()).isEqualTo("PUT");
    assertThat(response.json().path("bytes").asInt()).isEqualTo(4);
    assertThat(response.json().path("contentType").asText()).isEqualTo("application/octet-stream");
    assertThat(response.json().path("custom").asText()).isEqualTo("one");
  }

  @Test
  void writesAnObjectAsJsonAndLeavesATextBodyWithoutAContentType() {
    HookcResponse json = client.post("/echo").json(Map.of("amount", 150)).send();
    HookcResponse text = client.post("/echo").body("plain").send();

    assertThat(json.json().path("body").asText()).isEqualTo("{\"amount\":150}");
    assertThat(text.json().path("contentType").isNull()).isTrue();
    assertThat(text.json().path("body").asText()).isEqualTo("plain");
  }

  @Test
  void showsTheRequestLineStatusHeadersAndBodyInItsDescription() {
    HookcResponse response = client.post("/stripe").json("{}").send();

    assertThat(response.toString())
        .startsWith("POST " + server.baseUri() + "/stripe -> 401\n")
        .contains("content-type: application/problem+json\n")
        .contains("\"status\":401");
    assertThat(response.headers()).containsKey("content-type");
    assertThat(response.header("x-missing")).isNull();
  }

  @Test
  void saysWhichAnswerIsNotJsonWhenAskedToReadIt() {
    HookcResponse response = client.post("/text").send();

    assertThat(response.body()).isEqualTo("not json");
    assertThatThrownBy(response::json)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the body is not JSON: POST ")
        .hasMessageContaining("/text -> 200");
  }

  @Test
  void namesTheRequestThatCouldNotReachTheServer() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    HookcClient nowhere = HookcClient.of(URI.create("http://127.0.0.1:" + closed));

    assertThatThrownBy(() -> nowhere.post("/webhooks").json("{}").send())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("POST http://127.0.0.1:" + closed + "/webhooks failed");
  }

  @Test
  void refusesAPathWithoutALeadingSlash() {
    assertThatThrownBy(() -> client.post("webhooks"))
        .hasMessage("a path must start with '/': webhooks");
  }
}
