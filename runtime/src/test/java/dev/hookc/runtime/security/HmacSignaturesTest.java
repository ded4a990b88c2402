package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** GitHub's known-answer vector, Stripe signatures computed independently, and generic HMAC. */
class HmacSignaturesTest {
  static final String GITHUB_SECRET = "It's a Secret to Everybody";
  static final String GITHUB_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  static final String STRIPE_SECRET = "whsec_test_7f9a2c";
  static final long NOW = 1_700_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  /** Raw bytes a re-serialising parser would change: odd whitespace, escapes, non-ASCII. */
  static final byte[] UNUSUAL_BODY =
      "{ \"id\" :\t\"evt_1\",\r\n  \"name\":\"Zoë \\u00e9 ✓ 🎉\" ,\"n\":1.50 }  \n".getBytes(UTF_8);

  static String hmac(String algorithm, byte[] key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key, algorithm));
    return HexFormat.of().formatHex(mac.doFinal(message));
  }

  static String stripeHeader(long t, byte[] body, String secret) throws Exception {
    byte[] signed = (t + "." + new String(body, UTF_8)).getBytes(UTF_8);
    return "t=" + t + ",v1=" + hmac("HmacSHA256", secret.getBytes(UTF_8), signed);
  }

  @Test
  void acceptsGitHubsKnownAnswerVector() throws Exception {
    try (SignedServer server = new SignedServer(Authenticators.github(List.of(GITHUB_SECRET)))) {
      HttpResponse<String> response =
          server.post("Hello, World!".getBytes(UTF_8), "X-Hub-Signature-256", GITHUB_SIGNATURE);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rejectsGitHubDeliveriesWithAnotherSecretOrNoSignature() throws Exception {
    try (SignedServer server = new SignedServer(Authenticators.github(List.of("another")))) {
      byte[] body = "Hello, World!".getBytes(UTF_8);
      HttpResponse<String> forged = server.post(body, "X-Hub-Signature-256", GITHUB_SIGNATURE);
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(forged.body()).doesNotContain("757107ea");
      HttpResponse<String> unsigned = server.post(body);
      assertThat(SignedServer.detail(unsigned)).isEqualTo("missing header X-Hub-Signature-256");
      HttpResponse<String> sha1 = server.post(body, "X-Hub-Signature-256", "sha1=757107ea");
      assertThat(SignedServer.detail(sha1)).contains("does not start with 'sha256='");
    }
  }

  @Test
  void verifiesStripeSignaturesOverTheExactBytesReceived() throws Exception {
    try (SignedServer server = stripe()) {
      HttpResponse<String> response =
          server.post(
              UNUSUAL_BODY,
              "Stripe-Signature",
              stripeHeader(NOW - 10, UNUSUAL_BODY, STRIPE_SECRET));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(SignedServer.json(response).path("body").asText())
          .isEqualTo(new String(UNUSUAL_BODY, UTF_8));
    }
  }

  @Test
  void acceptsAStripeHeaderWithSeveralSignaturesOneValid() throws Exception {
    String valid = stripeHeader(NOW, UNUSUAL_BODY, STRIPE_SECRET);
    String header =
        "t=" + NOW + ",v1=" + "00".repeat(32) + "," + valid.substring(valid.indexOf("v1="));
    try (SignedServer server = stripe()) {
      assertThat(server.post(UNUSUAL_BODY, "Stripe-Signature", header).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rejectsStaleForgedAndMalformedStripeDeliveries() throws Exception {
    try (SignedServer server = stripe()) {
      HttpResponse<String> stale =
          server.post(
              UNUSUAL_BODY,
              "Stripe-Signature",
              stripeHeader(NOW - 301, UNUSUAL_BODY, STRIPE_SECRET));
      assertThat(SignedServer.detail(stale)).contains("older than the tolerance of 300 s");
      HttpResponse<String> forged =
          server.post(
              UNUSUAL_BODY, "Stripe-Signature", stripeHeader(NOW, UNUSUAL_BODY, "whsec_other"));
      assertThat(SignedServer.detail(forged)).contains("does not match");
      HttpResponse<String> noTime =
          server.post(UNUSUAL_BODY, "Stripe-Signature", "v1=" + "00".repeat(32));
      assertThat(SignedServer.detail(noTime)).contains("no timestamp");
      HttpResponse<String> noV1 =
          server.post(UNUSUAL_BODY, "Stripe-Signature", "t=" + NOW + ",v0=ab");
      assertThat(SignedServer.detail(noV1)).contains("no 'v1=' signature");
      // A body re-encoded by a parser (here: whitespace collapsed) no longer matches.
      byte[] reencoded = new String(UNUSUAL_BODY, UTF_8).replaceAll("\\s+", " ").getBytes(UTF_8);
      HttpResponse<String> changed =
          server.post(
              reencoded, "Stripe-Signature", stripeHeader(NOW, UNUSUAL_BODY, STRIPE_SECRET));
      assertThat(changed.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void acceptsStripeTimestampsAheadOfTheClockAsStripesLibrariesDo() throws Exception {
    try (SignedServer server = stripe()) {
      HttpResponse<String> ahead =
          server.post(
              UNUSUAL_BODY,
              "Stripe-Signature",
              stripeHeader(NOW + 600, UNUSUAL_BODY, STRIPE_SECRET));
      assertThat(ahead.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void verifiesAGenericSha1Base64HeaderWithAPrefix() throws Exception {
    byte[] body = "payload ✓".getBytes(UTF_8);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec("s3cret".getBytes(UTF_8), "HmacSHA1"));
    String signature = "sig=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
    Authenticator hmac =
        Authenticators.hmac(List.of("s3cret"), "X-Signature", "sha1", "base64", "sig=");
    try (SignedServer server = new SignedServer(hmac)) {
      assertThat(server.post(body, "x-signature", signature).statusCode()).isEqualTo(200);
      assertThat(server.post(body, "x-signature", "sig=AAAA").statusCode()).isEqualTo(401);
      assertThat(server.post(body, "x-signature", "sig=not base64!").statusCode()).isEqualTo(401);
    }
  }

  private static SignedServer stripe() throws Exception {
    return new SignedServer(
        Authenticators.stripe(List.of(STRIPE_SECRET), Duration.ofMinutes(5), CLOCK));
  }
}
