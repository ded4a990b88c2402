package dev.hookc.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each signer computes what its sender computes: the published vectors, and HMACs by hand. */
class SignersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] hmacSha256(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(UTF_8), "HmacSHA256"));
    return mac.doFinal(message.getBytes(UTF_8));
  }

  @Test
  void signsTheStandardWebhooksReferenceVector() {
    Map<String, String> headers =
        Signers.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .deliveryId("msg_p5jXN8AQM9LWM0D4loKWxJek")
            .at(Instant.ofEpochSecond(1614265330))
            .sign("{\"test\": 2432232314}");

    assertThat(headers)
        .containsExactly(
            Map.entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            Map.entry("webhook-timestamp", "1614265330"),
            Map.entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
  }

  @Test
  void signsWithSvixHeaderNamesWhenAsked() {
    Map<String, String> headers =
        Signers.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .svixHeaders()
            .deliveryId("msg_p5jXN8AQM9LWM0D4loKWxJek")
            .at(Instant.ofEpochSecond(1614265330))
            .sign("{\"test\": 2432232314}");

    assertThat(headers)
        .containsEntry("svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        .containsKeys("svix-id", "svix-timestamp")
        .doesNotContainKey("webhook-id");
  }

  @Test
  void givesEachStandardWebhooksDeliveryANewIdUnlessOneIsFixed() {
    StandardWebhooksSigner signer = Signers.standardWebhooks(Signers.newStandardWebhooksSecret());

    assertThat(signer.sign("{}").get("webhook-id"))
        .startsWith("msg_")
        .isNotEqualTo(signer.sign("{}").get("webhook-id"));
    StandardWebhooksSigner retrying = signer.deliveryId("msg_1");
    assertThat(retrying.sign("{}").get("webhook-id")).isEqualTo("msg_1");
    assertThat(retrying.sign("{\"a\":1}").get("webhook-id")).isEqualTo("msg_1");
  }

  @Test
  void refusesAStandardWebhooksSecretWithoutAKey() {
    assertThatThrownBy(() -> Signers.standardWebhooks("whsec_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whsec_");
    assertThatThrownBy(() -> Signers.standardWebhooks("whsec_not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signsGitHubsDocumentedDelivery() {
    Map<String, String> headers =
        Signers.github("It's a Secret to Everybody")
            .deliveryId("72d3162e-cc78-11e3-81ab-4c9367dc0958")
            .event("push")
            .sign("Hello, World!");

    assertThat(headers)
        .containsExactly(
            Map.entry(
                "X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
            Map.entry("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"),
            Map.entry("X-GitHub-Event", "push"));
  }

  @Test
  void signsStripesTimestampAndBodyWithTheWholeSecret() throws Exception {
    String body = "{\"id\":\"evt_1\"}";

    Map<String, String> headers =
        Signers.stripe("whsec_test_secret").at(Instant.ofEpochSecond(1700000000)).sign(body);

    String v1 = HexFormat.of().formatHex(hmacSha256("whsec_test_secret", "1700000000." + body));
    assertThat(headers).containsExactly(Map.entry("Stripe-Signature", "t=1700000000,v1=" + v1));
  }

  @Test
  void signsSlacksDocumentedRequest() {
    // The example request of Slack's "Verifying requests from Slack".
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
            + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    Map<String, String> headers =
        Signers.slack("8f742231b10e8888abcd99yyyzzz85a5")
            .at(Instant.ofEpochSecond(1531420618))
            .sign(body);

    assertThat(headers)
        .containsExactly(
            Map.entry("X-Slack-Request-Timestamp", "1531420618"),
            Map.entry(
                "X-Slack-Signature",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"));
  }

  @Test
  void signsAShopifyBodyInBase64WithItsIdAndTopic() throws Exception {
    String body = "{\"id\":820982911946154508}";

    Map<String, String> headers =
        Signers.shopify("shopify-secret")
            .deliveryId("evt-1")
            .topic("orders/paid")
            .at(Instant.parse("2026-01-02T03:04:05Z"))
            .sign(body);

    assertThat(headers)
        .containsExactly(
            Map.entry(
                "X-Shopify-Hmac-Sha256",
                Base64.getEncoder().encodeToString(hmacSha256("shopify-secret", body))),
            Map.entry("X-Shopify-Event-Id", "evt-1"),
            Map.entry("X-Shopify-Topic", "orders/paid"),
            Map.entry("X-Shopify-Triggered-At", "2026-01-02T03:04:05Z"));
  }

  @Test
  void signsAGenericHmacWithTheRuntimesParameters() throws Exception {
    Mac sha1 = Mac.getInstance("HmacSHA1");
    sha1.init(new SecretKeySpec("s3cret".getBytes(UTF_8), "HmacSHA1"));
    String expected = "sha1=" + HexFormat.of().formatHex(sha1.doFinal("{}".getBytes(UTF_8)));

    assertThat(Signers.hmac("s3cret", "X-Signature", "sha1", "hex", "sha1=").sign("{}"))
        .containsExactly(Map.entry("X-Signature", expected));
    assertThat(Signers.hmac("s3cret", "X-Mac", "sha256", "base64", "").sign("{}"))
        .containsExactly(
            Map.entry("X-Mac", Base64.getEncoder().encodeToString(hmacSha256("s3cret", "{}"))));
    assertThatThrownBy(() -> Signers.hmac("s3cret", "X-Mac", "md5", "hex", ""))
        .hasMessage("not a supported HMAC algorithm: md5");
    assertThatThrownBy(() -> Signers.hmac("s3cret", "X-Mac", "sha256", "base32", ""))
        .hasMessage("not a supported encoding: base32");
  }

  @Test
  void signsAnHs256TokenWhoseMacCoversHeaderAndClaims() throws Exception {
    String secret = "a-shared-secret-of-at-least-32-bytes!";
    String token =
        Signers.jwt(secret)
            .issuer("https://id.example.com")
            .audience("orders-api")
            .subject("ada")
            .claim("scope", "orders:write")
            .at(Instant.ofEpochSecond(1700000000))
            .expiresIn(Duration.ofMinutes(1))
            .token();

    String[] parts = token.split("\\.", -1);
    assertThat(parts).hasSize(3);
    Base64.Decoder url = Base64.getUrlDecoder();
    JsonNode header = JSON.readTree(url.decode(parts[0]));
    JsonNode claims = JSON.readTree(url.decode(parts[1]));
    assertThat(header.path("alg").asText()).isEqualTo("HS256");
    assertThat(claims.path("sub").asText()).isEqualTo("ada");
    assertThat(claims.path("aud").asText()).isEqualTo("orders-api");
    assertThat(claims.path("scope").asText()).isEqualTo("orders:write");
    assertThat(claims.path("iat").asLong()).isEqualTo(1700000000L);
    assertThat(claims.path("exp").asLong()).isEqualTo(1700000060L);
    assertThat(url.decode(parts[2])).isEqualTo(hmacSha256(secret, parts[0] + "." + parts[1]));
  }

  @Test
  void sendsATokenWithoutExpiryOnlyWhenAsked() throws Exception {
    String token = Signers.jwt("a-shared-secret-of-at-least-32-bytes!").withoutExpiry().token();

    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]));
    assertThat(claims.has("exp")).isFalse();
    assertThat(claims.has("iat")).isTrue();
  }

  @Test
  void refusesAnHs256SecretShorterThanItsHash() {
    assertThatThrownBy(() -> Signers.jwt("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void offersThePublicKeyOfAGeneratedPairAsPemAndAsAKeySet() throws Exception {
    JwtSigner rsa = Signers.jwtRs256();
    JwtSigner ec = Signers.jwtEs256();

    assertThat(rsa.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    JsonNode keys = JSON.readTree(ec.jwks()).path("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).path("kid").asText()).isEqualTo(ec.keyId());
    assertThat(keys.get(0).path("crv").asText()).isEqualTo("P-256");
    assertThat(keys.get(0).has("d")).as("no private part").isFalse();
    assertThatThrownBy(() -> Signers.jwt("a-shared-secret-of-at-least-32-bytes!").jwks())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> Signers.stripe("")).hasMessage("a signer needs a non-empty secret");
    assertThatThrownBy(() -> Signers.github(null)).hasMessage("a signer needs a non-empty secret");
  }
}
