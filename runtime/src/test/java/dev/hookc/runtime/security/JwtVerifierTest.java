package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
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
        Authenticators.jwt(
            List.of(SECRET), "https://issuer", "orders", Duration.ofSeconds(30), CLOCK));
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
                  send(server, hs256("{" + good + ",\"nbf\":" + (NOW + 31) + "}", SECRET))))
          .isEqualTo("the token is not valid yet");
      assertThat(
              SignedServer.detail(
                  send(server, hs256("{\"iss\":\"evil\",\"aud\":\"orders\"}", SECRET))))
          .contains("issuer");
      assertThat(
              SignedServer.detail(
                  send(server, hs256("{\"iss\":\"https://issuer\",\"aud\":\"billing\"}", SECRET))))
          .contains("audience");
      HttpResponse<String> forged = send(server, hs256("{" + good + "}", "another-secret"));
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
    Authenticator jwt = Authenticators.jwtPublicKey(pem, null, null, Duration.ZERO, CLOCK);
    try (SignedServer server = new SignedServer(jwt)) {
      assertThat(
              send(server, signed("RS256", "SHA256withRSA", keys, "{\"sub\":\"r\"}")).statusCode())
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
    Authenticator jwt = Authenticators.jwtPublicKey(pem(keys), null, null, Duration.ZERO, CLOCK);
    try (SignedServer server = new SignedServer(jwt)) {
      String token = signed("ES256", "SHA256withECDSAinP1363Format", keys, "{\"sub\":\"e\"}");
      assertThat(send(server, token).statusCode()).isEqualTo(200);
      String tampered =
          token.substring(0, token.indexOf('.') + 1)
              + b64("{\"sub\":\"x\"}".getBytes(UTF_8))
              + token.substring(token.lastIndexOf('.'));
      assertThat(send(server, tampered).statusCode()).isEqualTo(401);
    }
  }
}
