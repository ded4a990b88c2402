package dev.hookc.runtime.security;

import static dev.hookc.runtime.security.JwtVerifierTest.BODY;
import static dev.hookc.runtime.security.JwtVerifierTest.CLOCK;
import static dev.hookc.runtime.security.JwtVerifierTest.NOW;
import static dev.hookc.runtime.security.JwtVerifierTest.b64;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tokens checked with the keys of a JSON Web Key Set served over real HTTP, as keys rotate. */
@Timeout(30)
class JwksTest {
  static final String CLAIMS =
      "{\"sub\":\"svc\",\"iss\":\"https://issuer\",\"aud\":\"orders\",\"exp\":" + (NOW + 60) + "}";
  static KeyPair rsaA;
  static KeyPair rsaB;
  static KeyPair ec;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    rsaA = rsa.generateKeyPair();
    rsaB = rsa.generateKeyPair();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    ec = generator.generateKeyPair();
  }

  /** A token whose header is {@code header}, signed by {@code keys} with the JCA {@code jca}. */
  static String token(String header, String jca, KeyPair keys, String claims) throws Exception {
    String signed = b64(header.getBytes(UTF_8)) + "." + b64(claims.getBytes(UTF_8));
    Signature signature = Signature.getInstance(jca);
    signature.initSign(keys.getPrivate());
    signature.update(signed.getBytes(UTF_8));
    return signed + "." + b64(signature.sign());
  }

  static String rs256(String kid, KeyPair keys, String claims) throws Exception {
    return token("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", "SHA256withRSA", keys, claims);
  }

  static SignedServer server(JwksServer jwks, String... algorithms) throws Exception {
    return new SignedServer(
        Authenticators.jwks(jwks.url())
            .algorithms(algorithms.length == 0 ? new String[] {"RS256"} : algorithms)
            .issuer("https://issuer")
            .audience("orders")
            .clock(CLOCK)
            .build());
  }

  static HttpResponse<String> send(SignedServer server, String token) throws Exception {
    return server.post(BODY, "Authorization", "Bearer " + token);
  }

  @Test
  void acceptsATokenSignedByAKeyOfTheSetAndFetchesTheSetOnce() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", rsaA);
        SignedServer server = server(jwks)) {
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = send(server, rs256("a", rsaA, CLAIMS));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SignedServer.json(response).at("/user/sub").asText()).isEqualTo("svc");
      }
      assertThat(jwks.fetches()).isEqualTo(1);
    }
  }

  @Test
  void followsAKeyRotationByFetchingTheSetAgainForAnUnknownKid() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", rsaA);
        SignedServer server = server(jwks)) {
      assertThat(send(server, rs256("a", rsaA, CLAIMS)).statusCode()).isEqualTo(200);

      jwks.publish("b", rsaB);

      assertThat(send(server, rs256("b", rsaB, CLAIMS)).statusCode()).isEqualTo(200);
      assertThat(jwks.fetches()).isEqualTo(2);
      HttpResponse<String> retired = send(server, rs256("a", rsaA, CLAIMS));
      assertThat(retired.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(retired)).isEqualTo("no key of the JWKS has the token's kid");
    }
  }

  @Test
  void picksTheKeyByKidAmongKeysOfSeveralTypes() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("rsa", rsaA, "ec", ec);
        SignedServer server = server(jwks, "RS256", "ES256")) {
      String es256 =
          token("{\"alg\":\"ES256\",\"kid\":\"ec\"}", "SHA256withECDSAinP1363Format", ec, CLAIMS);

      assertThat(send(server, rs256("rsa", rsaA, CLAIMS)).statusCode()).isEqualTo(200);
      assertThat(send(server, es256).statusCode()).isEqualTo(200);
      // Without a kid, every key of the token's type is tried.
      assertThat(
              send(server, token("{\"alg\":\"RS256\"}", "SHA256withRSA", rsaA, CLAIMS))
                  .statusCode())
          .isEqualTo(200);
      assertThat(jwks.fetches()).isEqualTo(1);
    }
  }

  @Test
  void sharesOneCacheBetweenRoutesThatNameTheSameKeySet() throws Exception {
    try (JwksServer jwks = new JwksServer().publish("a", rsaA);
        SignedServer orders = server(jwks);
        SignedServer refunds = server(jwks, "RS256", "PS256")) {
      assertThat(send(orders, rs256("a", rsaA, CLAIMS)).statusCode()).isEqualTo(200);
      assertThat(send(refunds, rs256("a", rsaA, CLAIMS)).statusCode()).isEqualTo(200);

      assertThat(jwks.fetches()).isEqualTo(1);
    }
  }

  @Test
  void refusesAKeySetUrlThatIsNeitherHttpsNorLoopback() {
    assertThatThrownBy(() -> Authenticators.jwks("http://keys.example.com/jwks").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> Authenticators.jwks("ftp://127.0.0.1/jwks").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Authenticators.jwks("https://keys.example.com/jwks").algorithms("HS256").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HS256");
    assertThat(Authenticators.jwks("http://[::1]:8080/jwks").build()).isNotNull();
    assertThat(Authenticators.jwks("http://localhost/jwks").build()).isNotNull();
  }
}
