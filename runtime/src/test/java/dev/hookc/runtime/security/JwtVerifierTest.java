package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** JWT bearer tokens signed with HS256, RS256 and ES256, and the claims checks. */
class JwtVerifierTest {
  static final long NOW = 1_700_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final String SECRET = "jwt-secret-of-32-bytes-or-longer!";
  static final byte[] BODY = "{}".getBytes(UTF_8);
  static final String EXP = ",\"exp\":" + (NOW + 60);

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String unsigned(String alg, String claims) {
    return b64(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(UTF_8))
        + "."
        + b64(claims.getBytes(UTF_8));
  }

  static String hs256(String claims, String secret) throws Exception {
    String signed = unsigned("HS256", claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    return signed + "." + b64(mac.doFinal(signed.getBytes(UTF_8)));
  }

  static String signed(String alg, String jca, KeyPair keys, String claims) throws Exception {
    String signed = unsigned(alg, claims);
    Signature signature = Signature.getInstance(jca);
    signature.initSign(keys.getPrivate());
    signature.update(signed.getBytes(UTF_8));
    return signed + "." + b64(signature.sign());
  }

  static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static SignedServer hs256Server() throws Exception {
    return new SignedServer(
        Authenticators.jwt(List.of(SECRET))
            .issuer("https://issuer")
            .audience("orders")
            .leeway(Duration.ofSeconds(30))
            .clock(CLOCK)
            .build());
  }

  private static HttpResponse<String> send(SignedServer server, String token) throws Exception {
    return server.post(BODY, "Authorization", "Bearer " + token);
  }

  @Test
  void passesTheClaimsOfAValidHs256TokenAsTheUser() throws Exception {
    String claims =
        "{\"sub\":\"u1\",\"iss\":\"https://issuer\",\"aud\":[\"x\",\"orders\"],\"exp\":"
            + (NOW + 60)
            + "}";
    try (SignedServer server = hs256Server()) {
      HttpResponse<String> response = send(server, hs256(claims, SECRET));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(SignedServer.json(response).path("user").path("sub").asText()).isEqualTo("u1");
    }
  }

  @Test
  void rejectsExpiredEarlyForeignAndForgedTokens() throws Exception {
    String good = "\"iss\":\"https://issuer\",\"aud\":\"orders\"";
    try (SignedServer server = hs256Server()) {
      assertThat(
              SignedServer.detail(
                  send(server, hs256("{" + good + ",\"exp\":" + (NOW - 31) + "}", SECRET))))
          .isEqualTo("the token has expired");
      assertThat(
              send(server, hs256("{" + good + ",\"exp\":" + (NOW - 29) + "}", SECRET)).statusCode())
          .isEqualTo(200);
      assertThat(
              SignedServer.detail(
                  send(server, hs256("{" + good + EXP + ",\"nbf\":" + (NOW + 31) + "}", SECRET))))
          .isEqualTo("the token is not valid yet");
      assertThat(
              SignedServer.detail(
                  send(server, hs256("{\"iss\":\"evil\",\"aud\":\"orders\"" + EXP + "}", SECRET))))
          .contains("issuer");
      assertThat(
              SignedServer.detail(
                  send(
                      server,
                      hs256(
                          "{\"iss\":\"https://issuer\",\"aud\":\"billing\"" + EXP + "}", SECRET))))
          .contains("audience");
      HttpResponse<String> forged = send(server, hs256("{" + good + EXP + "}", "another-secret"));
      assertThat(SignedServer.detail(forged)).isEqualTo("the token's signature is not valid");
      assertThat(forged.headers().firstValue("www-authenticate")).hasValue("Bearer");
    }
  }

  @Test
  void rejectsAlgNoneAndMalformedTokens() throws Exception {
    try (SignedServer server = hs256Server()) {
      String none = unsigned("none", "{\"iss\":\"https://issuer\",\"aud\":\"orders\"}") + ".";
      assertThat(send(server, none).statusCode()).isEqualTo(401);
      assertThat(send(server, "not.a.jwt!").statusCode()).isEqualTo(401);
      assertThat(send(server, "abc").statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(server.post(BODY)))
          .isEqualTo("missing bearer token in Authorization");
      assertThat(server.post(BODY, "Authorization", "Basic dTpw").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void verifiesRs256AndRefusesTheKeyAsAnHmacSecret() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem = pem(keys);
    Authenticator jwt = Authenticators.jwtPublicKey(pem).clock(CLOCK).build();
    try (SignedServer server = new SignedServer(jwt)) {
      assertThat(
              send(server, signed("RS256", "SHA256withRSA", keys, "{\"sub\":\"r\"" + EXP + "}"))
                  .statusCode())
          .isEqualTo(200);
      // The classic confusion attack: an HS256 token keyed with the public key's text.
      assertThat(send(server, hs256("{\"sub\":\"r\"}", pem)).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void verifiesEs256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Authenticator jwt = Authenticators.jwtPublicKey(pem(keys)).clock(CLOCK).build();
    try (SignedServer server = new SignedServer(jwt)) {
      String token =
          signed("ES256", "SHA256withECDSAinP1363Format", keys, "{\"sub\":\"e\"" + EXP + "}");
      assertThat(send(server, token).statusCode()).isEqualTo(200);
      String tampered =
          token.substring(0, token.indexOf('.') + 1)
              + b64(("{\"sub\":\"x\"" + EXP + "}").getBytes(UTF_8))
              + token.substring(token.lastIndexOf('.'));
      assertThat(send(server, tampered).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void verifiesTheAlgorithmsARoutePinsAndOnlyThose() throws Exception {
    String secret = "a-secret-long-enough-for-hs512-which-needs-sixty-four-bytes-of-key";
    Authenticator hmac =
        Authenticators.jwt(List.of(secret)).algorithms("HS384", "HS512").clock(CLOCK).build();
    try (SignedServer server = new SignedServer(hmac)) {
      for (String[] alg : new String[][] {{"HS384", "HmacSHA384"}, {"HS512", "HmacSHA512"}}) {
        String input = unsigned(alg[0], "{\"sub\":\"h\"" + EXP + "}");
        Mac mac = Mac.getInstance(alg[1]);
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), alg[1]));
        String token = input + "." + b64(mac.doFinal(input.getBytes(UTF_8)));

        assertThat(send(server, token).statusCode()).as(alg[0]).isEqualTo(200);
      }
      assertThat(send(server, hs256("{\"sub\":\"h\"" + EXP + "}", secret)).statusCode())
          .as("HS256 is not pinned")
          .isEqualTo(401);
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Signature pss = Signature.getInstance("RSASSA-PSS");
    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    pss.initSign(keys.getPrivate());
    String input = unsigned("PS256", "{\"sub\":\"p\"" + EXP + "}");
    pss.update(input.getBytes(UTF_8));
    String ps256 = input + "." + b64(pss.sign());
    try (SignedServer rs256Only =
            new SignedServer(Authenticators.jwtPublicKey(pem(keys)).clock(CLOCK).build());
        SignedServer ps256Pinned =
            new SignedServer(
                Authenticators.jwtPublicKey(pem(keys)).algorithms("PS256").clock(CLOCK).build())) {
      assertThat(send(rs256Only, ps256).statusCode()).isEqualTo(401);
      assertThat(send(ps256Pinned, ps256).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void verifiesEs384WithAKeyOnP384() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    KeyPair keys = generator.generateKeyPair();
    Authenticator jwt = Authenticators.jwtPublicKey(pem(keys)).clock(CLOCK).build();
    try (SignedServer server = new SignedServer(jwt)) {
      String token =
          signed("ES384", "SHA384withECDSAinP1363Format", keys, "{\"sub\":\"e\"" + EXP + "}");

      assertThat(send(server, token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesAtStartASecretShorterThanItsAlgorithmsHashOrAnAlgorithmThatDoesNotFitTheKey() {
    assertThatThrownBy(() -> Authenticators.jwt(List.of("short-secret")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a JWT secret for HS256 must be at least 32 bytes long; one has 12");
    assertThatThrownBy(() -> Authenticators.jwt(List.of(SECRET)).algorithms("HS512").build())
        .hasMessageContaining("at least 64 bytes");
    assertThatThrownBy(() -> Authenticators.jwt(List.of(SECRET)).algorithms("RS256").build())
        .hasMessage("a JWT checked with secrets cannot use RS256");
    assertThatThrownBy(() -> Authenticators.jwt(List.of(SECRET)).algorithms("none").build())
        .hasMessageStartingWith("not a JWT algorithm hookc verifies: none");
  }
}
