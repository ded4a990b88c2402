package dev.hookc.runtime.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Standard Webhooks known-answer vector and its negative cases, over real HTTP. */
class StandardWebhooksVerifierTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330;
  static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);
  static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static SignedServer server(long nowSeconds, String... secrets) throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC);
    return new SignedServer(
        Authenticators.standardWebhooks(List.of(secrets), Duration.ofMinutes(5), clock));
  }

  private static HttpResponse<String> send(SignedServer server, String signature, long timestamp)
      throws Exception {
    return server.post(
        BODY,
        "webhook-id",
        ID,
        "webhook-timestamp",
        Long.toString(timestamp),
        "webhook-signature",
        signature);
  }

  @Test
  void acceptsTheKnownAnswerVector() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response = send(server, SIGNATURE, TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("2432232314");
    }
  }

  @Test
  void rejectsAnotherVersionPrefix() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response = send(server, "v2," + SIGNATURE.substring(3), TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(response)).contains("no 'v1,' signature");
    }
  }

  @Test
  void rejectsATamperedSignatureWithoutRevealingTheExpectedOne() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response =
          send(server, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd", TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
      assertThat(SignedServer.detail(response)).contains("does not match");
      assertThat(response.body()).doesNotContain("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
  }

  @Test
  void rejectsATamperedBody() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response =
          server.post(
              "{\"test\": 2432232315}".getBytes(UTF_8),
              "webhook-id",
              ID,
              "webhook-timestamp",
              Long.toString(TIMESTAMP),
              "webhook-signature",
              SIGNATURE);
      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void rejectsADeliveryWithoutOneOfTheThreeHeaders(String missing) throws Exception {
    List<String> headers =
        List.of(
            "webhook-id",
            ID,
            "webhook-timestamp",
            Long.toString(TIMESTAMP),
            "webhook-signature",
            SIGNATURE);
    String[] kept =
        java.util.stream.IntStream.range(0, 3)
            .filter(i -> !headers.get(2 * i).equals(missing))
            .boxed()
            .flatMap(i -> java.util.stream.Stream.of(headers.get(2 * i), headers.get(2 * i + 1)))
            .toArray(String[]::new);
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response = server.post(BODY, kept);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(response)).isEqualTo("missing header " + missing);
    }
  }

  @Test
  void rejectsATimestampMoreThanFiveMinutesOld() throws Exception {
    try (SignedServer server = server(TIMESTAMP + 301, SECRET)) {
      HttpResponse<String> response = send(server, SIGNATURE, TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(response)).contains("older than the tolerance");
    }
  }

  @Test
  void rejectsATimestampMoreThanFiveMinutesAhead() throws Exception {
    try (SignedServer server = server(TIMESTAMP - 301, SECRET)) {
      HttpResponse<String> response = send(server, SIGNATURE, TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SignedServer.detail(response)).contains("further ahead");
    }
  }

  @Test
  void acceptsClockSkewUpToTheToleranceEitherWay() throws Exception {
    try (SignedServer behind = server(TIMESTAMP - 300, SECRET);
        SignedServer ahead = server(TIMESTAMP + 300, SECRET)) {
      assertThat(send(behind, SIGNATURE, TIMESTAMP).statusCode()).isEqualTo(200);
      assertThat(send(ahead, SIGNATURE, TIMESTAMP).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void acceptsHeaderNamesInAnyCase() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response =
          server.post(
              BODY,
              "Webhook-ID",
              ID,
              "WEBHOOK-TIMESTAMP",
              Long.toString(TIMESTAMP),
              "Webhook-Signature",
              SIGNATURE);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void acceptsSvixHeaderNames() throws Exception {
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response =
          server.post(
              BODY,
              "svix-id",
              ID,
              "svix-timestamp",
              Long.toString(TIMESTAMP),
              "svix-signature",
              SIGNATURE);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void acceptsSeveralSignaturesOfWhichOneIsValid() throws Exception {
    String other = "v1," + Base64.getEncoder().encodeToString(new byte[32]);
    try (SignedServer server = server(TIMESTAMP, SECRET)) {
      HttpResponse<String> response =
          send(server, other + " v2,abc " + SIGNATURE + " " + other, TIMESTAMP);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void acceptsAnyOfSeveralSecretsDuringRotation() throws Exception {
    String next = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
    try (SignedServer server = server(TIMESTAMP, next, SECRET)) {
      assertThat(send(server, SIGNATURE, TIMESTAMP).statusCode()).isEqualTo(200);
    }
    try (SignedServer server = server(TIMESTAMP, next)) {
      assertThat(send(server, SIGNATURE, TIMESTAMP).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void refusesAnEmptySecretAtStartUp() {
    assertThatThrownBy(() -> server(TIMESTAMP, "whsec_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whsec_");
  }
}
