package dev.hookc.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.security.Authenticator;
import dev.hookc.runtime.security.Authenticators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What each signer signs, the runtime's own verifier for that scheme accepts, and only that. */
@Timeout(30)
class SignersRoundTripTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";

  /** The request a server would hand the verifier: header names in lower case, as it keeps them. */
  private static Request request(Map<String, String> headers, String body) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    return Request.of("POST", "/webhooks", Map.of(), Map.of(), lower, body.getBytes(UTF_8));
  }

  private static Object verify(Authenticator verifier, Signer signer) {
    return verifier.authenticate(request(signer.sign(BODY), BODY));
  }

  private static void assertRefused(Authenticator verifier, Map<String, String> headers) {
    assertThatThrownBy(() -> verifier.authenticate(request(headers, BODY)))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(401));
  }

  @Test
  void standardWebhooksSignaturesPassTheRuntimesVerifierWithinItsWindowOnly() {
    String secret = Signers.newStandardWebhooksSecret();
    Authenticator verifier = Authenticators.standardWebhooks(List.of(secret), FIVE_MINUTES, CLOCK);
    StandardWebhooksSigner signer = Signers.standardWebhooks(secret);

    verify(verifier, signer.at(NOW));
    verify(verifier, signer.svixHeaders().at(NOW.minusSeconds(299)));
    assertRefused(verifier, signer.at(NOW.minusSeconds(301)).sign(BODY));
    assertRefused(verifier, signer.at(NOW.plusSeconds(301)).sign(BODY));
    assertRefused(
        verifier, Signers.standardWebhooks(Signers.newStandardWebhooksSecret()).at(NOW).sign(BODY));
  }

  @Test
  void stripeSignaturesPassTheRuntimesVerifierUntilTheyAreTooOld() {
    Authenticator verifier =
        Authenticators.stripe(List.of("whsec_stripe_test"), FIVE_MINUTES, CLOCK);
    StripeSigner signer = Signers.stripe("whsec_stripe_test");

    verify(verifier, signer.at(NOW));
    verify(verifier, signer.at(NOW.minusSeconds(299)));
    assertRefused(verifier, signer.at(NOW.minusSeconds(301)).sign(BODY));
    assertRefused(verifier, Signers.stripe("whsec_other").at(NOW).sign(BODY));
  }

  @Test
  void githubSignaturesPassTheRuntimesVerifier() {
    Authenticator verifier = Authenticators.github(List.of("gh-secret"));

    verify(verifier, Signers.github("gh-secret"));
    assertRefused(verifier, Signers.github("another").sign(BODY));
  }

  @Test
  void shopifyAndGenericHmacSignaturesPassTheRuntimesHmacVerifier() {
    verify(
        Authenticators.hmac(List.of("shop"), "X-Shopify-Hmac-Sha256", "sha256", "base64", ""),
        Signers.shopify("shop"));
    for (String algorithm : List.of("sha1", "sha256", "sha512")) {
      for (String encoding : List.of("hex", "base64")) {
        Authenticator verifier =
            Authenticators.hmac(List.of("k"), "X-Sig", algorithm, encoding, algorithm + "=");
        verify(verifier, Signers.hmac("k", "X-Sig", algorithm, encoding, algorithm + "="));
        assertRefused(verifier, Signers.hmac("k", "X-Sig", algorithm, encoding, "v1=").sign(BODY));
      }
    }
  }

  @Test
  void hs256TokensPassTheRuntimesJwtVerifierWithTheirClaims() {
    String secret = "a-shared-secret-of-at-least-32-bytes!";
    Authenticator verifier =
        Authenticators.jwt(List.of(secret))
            .issuer("https://id.example.com")
            .audience("orders-api")
            .clock(CLOCK)
            .build();
    JwtSigner signer =
        Signers.jwt(secret).issuer("https://id.example.com").audience("orders-api").at(NOW);

    JsonNode user = (JsonNode) verify(verifier, signer.subject("ada"));

    assertThat(user.path("sub").asText()).isEqualTo("ada");
    assertRefused(verifier, signer.audience("another-api").sign(BODY));
    assertRefused(verifier, signer.expiresIn(Duration.ofSeconds(-1)).sign(BODY));
    assertRefused(verifier, signer.withoutExpiry().sign(BODY));
  }

  @Test
  void rs256AndEs256TokensPassTheRuntimesVerifierWithTheirPublicKey() {
    for (JwtSigner signer : List.of(Signers.jwtRs256(), Signers.jwtEs256())) {
      Authenticator verifier =
          Authenticators.jwtPublicKey(signer.publicKeyPem()).clock(CLOCK).build();

      verify(verifier, signer.at(NOW));
      assertRefused(
          verifier,
          (signer.algorithm().equals("RS256") ? Signers.jwtRs256() : Signers.jwtEs256())
              .at(NOW)
              .sign(BODY));
    }
  }

  @Test
  void tokensPassTheRuntimesVerifierWithTheKeySetServedForThemAndItsRotation() {
    JwtSigner current = Signers.jwtRs256().at(NOW);
    JwtSigner next = Signers.jwtRs256().at(NOW);
    try (JwksServer jwks = JwksServer.serve(current)) {
      Authenticator verifier =
          Authenticators.jwks(jwks.url()).clock(CLOCK).jwksTimeout(Duration.ofSeconds(5)).build();

      verify(verifier, current);
      assertThat(jwks.fetches()).isEqualTo(1);
      jwks.publish(next);
      verify(verifier, next);
      assertThat(jwks.fetches()).isEqualTo(2);
    }
  }
}
