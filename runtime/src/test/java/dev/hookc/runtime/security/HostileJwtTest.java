package dev.hookc.runtime.security;

import static dev.hookc.runtime.security.JwtVerifierTest.CLOCK;
import static dev.hookc.runtime.security.JwtVerifierTest.NOW;
import static dev.hookc.runtime.security.JwtVerifierTest.SECRET;
import static dev.hookc.runtime.security.JwtVerifierTest.b64;
import static dev.hookc.runtime.security.JwtVerifierTest.hs256;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bearer tokens built to break the verifier rather than to pass it: numbers out of any range in the
 * claims, and header parameters the verifier does not understand. Each is a 401 problem (or a 200
 * for a token that is valid), never a 500, and never a token accepted past its expiry.
 */
@Timeout(30)
class HostileJwtTest {
  private static final String GOOD = "\"iss\":\"https://issuer\",\"aud\":\"orders\"";
  private static SignedServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        new SignedServer(
            Authenticators.jwt(List.of(SECRET))
                .issuer("https://issuer")
                .audience("orders")
                .leeway(Duration.ofSeconds(30))
                .clock(CLOCK)
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String token) throws Exception {
    return server.post("{}".getBytes(UTF_8), "Authorization", "Bearer " + token);
  }

  private static String hs256WithHeader(String header, String claims) throws Exception {
    String signed = b64(header.getBytes(UTF_8)) + "." + b64(claims.getBytes(UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
    return signed + "." + b64(mac.doFinal(signed.getBytes(UTF_8)));
  }

  @Test
  void answers401ToAForgedTokenWhosePayloadHoldsANumberOutOfRange() throws Exception {
    // Not signed with the secret: whatever its payload holds, it is refused as a forgery.
    for (String number : List.of("1e99999999999", "9".repeat(20_000), "-1e-99999999999")) {
      String forged = hs256("{" + GOOD + ",\"x\":" + number + "}", "another-secret");

      HttpResponse<String> response = send(forged);

      assertThat(response.statusCode()).as(number.substring(0, 5)).isEqualTo(401);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void refusesATokenThatExpiredBeforeTheRangeOfALong() throws Exception {
    // -1e19 read as a long wraps around to a date far in the future.
    for (String exp : List.of("-10000000000000000000", "-1e19", "-1e999")) {
      HttpResponse<String> response = send(hs256("{" + GOOD + ",\"exp\":" + exp + "}", SECRET));

      assertThat(response.statusCode()).as(exp).isEqualTo(401);
      assertThat(SignedServer.detail(response)).isEqualTo("the token has expired");
    }
  }

  @Test
  void acceptsATokenValidFromBeforeAndUntilAfterTheRangeOfALong() throws Exception {
    String claims = "{" + GOOD + ",\"nbf\":-10000000000000000000,\"exp\":10000000000000000000}";

    HttpResponse<String> response = send(hs256(claims, SECRET));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void comparesFractionalTimesExactly() throws Exception {
    long leewayEnd = NOW - 30;

    assertThat(send(hs256("{" + GOOD + ",\"exp\":" + leewayEnd + ".5}", SECRET)).statusCode())
        .isEqualTo(200);
    assertThat(send(hs256("{" + GOOD + ",\"exp\":" + (leewayEnd - 1) + ".5}", SECRET)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void namesATimeClaimThatIsNotANumber() throws Exception {
    HttpResponse<String> response =
        send(hs256("{" + GOOD + ",\"exp\":\"" + (NOW + 60) + "\"}", SECRET));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).isEqualTo("the token's exp is not a number");
  }

  @Test
  void refusesATokenWithCriticalHeaderParametersItDoesNotUnderstand() throws Exception {
    // RFC 7515, 4.1.11: a recipient that does not understand a listed extension must refuse.
    String token =
        hs256WithHeader(
            "{\"alg\":\"HS256\",\"crit\":[\"exp-v2\"],\"exp-v2\":1}",
            "{" + GOOD + ",\"exp\":" + (NOW + 60) + "}");

    HttpResponse<String> response = send(token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).contains("crit");
  }

  @Test
  void refusesATokenWithoutExpUnlessTheRouteAllowsIt() throws Exception {
    String token = hs256("{" + GOOD + "}", SECRET);

    HttpResponse<String> response = send(token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response))
        .isEqualTo("the token has no 'exp' claim, and this route requires one");
    try (SignedServer lenient =
        new SignedServer(
            Authenticators.jwt(List.of(SECRET)).requireExp(false).clock(CLOCK).build())) {
      assertThat(
              lenient.post("{}".getBytes(UTF_8), "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void refusesATokenIssuedLaterThanTheLeewayAllows() throws Exception {
    String exp = ",\"exp\":" + (NOW + 3600);

    HttpResponse<String> future =
        send(hs256("{" + GOOD + exp + ",\"iat\":" + (NOW + 31) + "}", SECRET));

    assertThat(future.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(future)).isEqualTo("the token was issued in the future");
    assertThat(send(hs256("{" + GOOD + exp + ",\"iat\":" + (NOW + 29) + "}", SECRET)).statusCode())
        .isEqualTo(200);
    assertThat(SignedServer.detail(send(hs256("{" + GOOD + exp + ",\"iat\":\"x\"}", SECRET))))
        .isEqualTo("the token's iat is not a number");
  }

  @Test
  void refusesATokenOverTheSizeLimitBeforeDecodingIt() throws Exception {
    // Validly signed: only its size refuses it.
    String padding = "x".repeat(JwtVerifier.MAX_TOKEN_LENGTH);
    String token =
        hs256("{" + GOOD + ",\"exp\":" + (NOW + 60) + ",\"pad\":\"" + padding + "\"}", SECRET);

    HttpResponse<String> response = send(token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).contains("longer than");
  }

  @Test
  void answers401ToAHeaderWithANumberOutOfRangeOrNestedThousandsDeep() throws Exception {
    String claims = "{" + GOOD + ",\"exp\":" + (NOW + 60) + "}";
    List<String> headers =
        List.of(
            "{\"alg\":\"HS256\",\"x\":1e99999999999}",
            "{\"alg\":\"HS256\",\"x\":" + "9".repeat(5_000) + "}",
            "{\"alg\":\"HS256\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            "{\"alg\":\"HS256\",\"kid\":7}");
    for (String header : headers) {
      HttpResponse<String> response = send(hs256WithHeader(header, claims));

      assertThat(response.statusCode())
          .as(header.substring(0, Math.min(25, header.length())))
          .isEqualTo(401);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void refusesATokenWithAnUnencodedPayload() throws Exception {
    // RFC 7797: 'b64' is the one critical parameter the library processes; a JWT never uses it.
    String token =
        hs256WithHeader(
            "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}",
            "{" + GOOD + ",\"exp\":" + (NOW + 60) + "}");

    assertThat(send(token).statusCode()).isEqualTo(401);
  }

  @Test
  void refusesCharactersOutsideBase64urlThatALenientDecoderWouldSkip() throws Exception {
    String token = hs256("{" + GOOD + ",\"exp\":" + (NOW + 60) + "}", SECRET);
    String spliced =
        token.substring(0, token.length() - 4) + "!" + token.substring(token.length() - 4);

    HttpResponse<String> response = send(spliced);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedServer.detail(response)).isEqualTo("the bearer token is not base64url");
  }
}
