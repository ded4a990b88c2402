package dev.hookc.runtime.security;

import static dev.hookc.runtime.security.JwksTest.CLAIMS;
import static dev.hookc.runtime.security.JwksTest.rs256;
import static dev.hookc.runtime.security.JwksTest.send;
import static dev.hookc.runtime.security.JwksTest.server;
import static dev.hookc.runtime.security.JwksTest.token;
import static dev.hookc.runtime.security.JwtVerifierTest.CLOCK;
import static dev.hookc.runtime.security.JwtVerifierTest.NOW;
import static dev.hookc.runtime.security.JwtVerifierTest.b64;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JWKS host that is down, slow, wrong or far away, and tokens built to make hookc fetch keys it
 * should not or trust keys it should not. A host's outage is a 503 with Retry-After; everything a
 * token's sender controls is a 401; no fetch count grows with the number of forged tokens.
 */
@Timeout(30)
class HostileJwksTest {
  private static KeyPair issuer;
  private static KeyPair forger;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    issuer = rsa.generateKeyPair();
    forger = rsa.generateKeyPair();
  }

  private static void assertUnavailable(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("retry-after")).hasValue("30");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(SignedServer.json(response).path("type").asText())
        .isEqualTo("https://hookc.dev/problems/jwks-unavailable");
  }

  @Test
  void fetchesTheSetAtMostTwicePerIntervalWhateverTheFloodOfUnknownKids() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", issuer);
        SignedServer server = server(jwks)) {
      assertThat(send(server, rs256("a", issuer, CLAIMS)).statusCode()).isEqualTo(200);

      for (int i = 0; i < 50; i++) {
        HttpResponse<String> response =
            send(server, rs256(UUID.randomUUID().toString(), forger, CLAIMS));

        assertThat(response.statusCode()).isEqualTo(401);
      }

      assertThat(jwks.fetches()).isLessThanOrEqualTo(2);
      assertThat(send(server, rs256("a", issuer, CLAIMS)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void answers503WithRetryAfterWhenTheHostCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Authenticator jwt =
        Authenticators.jwks("http://127.0.0.1:" + closedPort + "/jwks/" + UUID.randomUUID())
            .clock(CLOCK)
            .build();
    try (SignedServer server = new SignedServer(jwt)) {
      for (int i = 0; i < 3; i++) {
        assertUnavailable(send(server, rs256("a", issuer, CLAIMS)));
      }
    }
  }

  @Test
  void answers503WhenTheHostAnswersAnErrorOrSomethingElseThanAKeySet() throws Exception {
    for (String[] answer :
        new String[][] {
          {"500", "{\"keys\":[]}"}, {"200", "<html>down for maintenance</html>"}, {"200", "{}"}
        }) {
      try (JwksServer jwks = new JwksServer().answer(Integer.parseInt(answer[0]), answer[1]);
          SignedServer server = server(jwks)) {
        assertUnavailable(send(server, rs256("a", issuer, CLAIMS)));
      }
    }
  }

  @Test
  void answers503WhenTheKeySetIsLargerThanAnyProvidersIs() throws Exception {
    String huge = "{\"keys\":[],\"pad\":\"" + "x".repeat(JwksFetcher.MAX_BYTES) + "\"}";
    try (JwksServer jwks = new JwksServer().answer(200, huge);
        SignedServer server = server(jwks)) {
      assertUnavailable(send(server, rs256("a", issuer, CLAIMS)));
    }
  }

  @Test
  void givesUpOnAHostThatNeverAnswersAtTheFetchTimeout() throws Exception {
    try (JwksServer jwks = new JwksServer().hang()) {
      assertGivesUpAtTheFetchTimeout(jwks);
    }
  }

  @Test
  void givesUpOnAHostThatTricklesItsAnswerAtTheFetchTimeout() throws Exception {
    try (JwksServer jwks = new JwksServer().trickle()) {
      assertGivesUpAtTheFetchTimeout(jwks);
    }
  }

  private void assertGivesUpAtTheFetchTimeout(JwksServer jwks) throws Exception {
    try (SignedServer server =
        new SignedServer(
            Authenticators.jwks(jwks.url())
                .jwksTimeout(Duration.ofMillis(300))
                .clock(CLOCK)
                .build())) {
      long start = System.nanoTime();

      HttpResponse<String> response = send(server, rs256("a", issuer, CLAIMS));

      assertUnavailable(response);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void followsNoRedirect() throws Exception {
    try (JwksServer elsewhere = new JwksServer().publish("a", issuer);
        JwksServer jwks = new JwksServer().redirectTo(elsewhere.url());
        SignedServer server = server(jwks)) {
      assertUnavailable(send(server, rs256("a", issuer, CLAIMS)));
      assertThat(elsewhere.fetches()).isZero();
    }
  }

  @Test
  void keepsTheKeysItHasWhenTheHostGoesDownAndAnswers503ForAKidItCannotCheck() throws Exception {
    JwksServer jwks = new JwksServer().publish("a", issuer);
    try (SignedServer server = server(jwks)) {
      assertThat(send(server, rs256("a", issuer, CLAIMS)).statusCode()).isEqualTo(200);

      jwks.close();

      assertThat(send(server, rs256("a", issuer, CLAIMS)).statusCode()).isEqualTo(200);
      assertUnavailable(send(server, rs256("rotated", issuer, CLAIMS)));
      assertUnavailable(send(server, rs256("rotated-again", issuer, CLAIMS)));
      assertThat(send(server, rs256("a", issuer, CLAIMS)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void neverFetchesNorTrustsAKeyTheTokenPointsToOrCarries() throws Exception {
    try (JwksServer forgers = new JwksServer().publish("f", forger);
        JwksServer jwks = new JwksServer().publish("a", issuer);
        SignedServer server = server(jwks)) {
      String jwk = JwksServer.jwk("f", forger);
      String header =
          "{\"alg\":\"RS256\",\"kid\":\"f\",\"jku\":\"" + forgers.url() + "\",\"jwk\":" + jwk + "}";

      HttpResponse<String> response = send(server, token(header, "SHA256withRSA", forger, CLAIMS));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(forgers.fetches()).isZero();
    }
  }

  @Test
  void refusesNoneAnHmacKeyedWithThePublicKeyAndAnAlgorithmNotPinned() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", issuer);
        SignedServer server = server(jwks)) {
      String none =
          b64("{\"alg\":\"none\",\"kid\":\"a\"}".getBytes(UTF_8))
              + "."
              + b64(CLAIMS.getBytes(UTF_8))
              + ".";
      assertThat(send(server, none).statusCode()).isEqualTo(401);

      // The confusion attack: an HS256 token keyed with the key set's own text.
      String hs256Input =
          b64("{\"alg\":\"HS256\",\"kid\":\"a\"}".getBytes(UTF_8))
              + "."
              + b64(CLAIMS.getBytes(UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(JwksServer.jwk("a", issuer).getBytes(UTF_8), "HmacSHA256"));
      String confused = hs256Input + "." + b64(mac.doFinal(hs256Input.getBytes(UTF_8)));
      HttpResponse<String> hs256 = send(server, confused);
      assertThat(hs256.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(hs256))
          .isEqualTo("the token's algorithm 'HS256' is not accepted");

      // Signed with the right key, but with PSS where the route pins PKCS#1 v1.5.
      assertThat(
              send(
                      server,
                      token("{\"alg\":\"PS256\",\"kid\":\"a\"}", "SHA256withRSA", issuer, CLAIMS))
                  .statusCode())
          .isEqualTo(401);
      assertThat(jwks.fetches()).as("refused before any key is needed").isZero();
    }
  }

  @Test
  void refusesATokenWithoutExpOrWithACriticalExtensionItDoesNotUnderstand() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", issuer);
        SignedServer server = server(jwks)) {
      String noExp = "{\"sub\":\"svc\",\"iss\":\"https://issuer\",\"aud\":\"orders\"}";
      assertThat(SignedServer.detail(send(server, rs256("a", issuer, noExp))))
          .isEqualTo("the token has no 'exp' claim, and this route requires one");

      String critical =
          "{\"alg\":\"RS256\",\"kid\":\"a\",\"crit\":[\"exp-v2\"],\"exp-v2\":" + NOW + "}";
      HttpResponse<String> response =
          send(server, token(critical, "SHA256withRSA", issuer, CLAIMS));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(response)).contains("crit");
    }
  }
}
