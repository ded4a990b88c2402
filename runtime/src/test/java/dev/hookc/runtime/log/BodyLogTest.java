package dev.hookc.runtime.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class BodyLogTest {

  @Test
  void logsASmallBodyWhole() {
    BodyLog.Body body = BodyLog.Body.of("application/json", "{\"a\":1}".getBytes(UTF_8), 4096);

    assertThat(body.fields())
        .containsEntry("contentType", "application/json")
        .containsEntry("bodyBytes", 7)
        .containsEntry("bodyTruncated", false)
        .containsEntry("body", "{\"a\":1}");
    assertThat(body).hasToString("request body (7 bytes, application/json): {\"a\":1}");
  }

  @Test
  void cutsALargeBodyAtTheLimitOnACharactersStart() {
    // 4095 ASCII bytes, then a two-byte é across the limit.
    byte[] bytes = ("x".repeat(4095) + "é" + "y".repeat(10_000)).getBytes(UTF_8);

    BodyLog.Body body = BodyLog.Body.of(null, bytes, 4096);

    assertThat(body.fields())
        .containsEntry("bodyBytes", bytes.length)
        .containsEntry("bodyTruncated", true)
        .containsEntry("body", "x".repeat(4095))
        .doesNotContainKey("contentType");
  }

  @Test
  void logsABodyThatIsNotUtf8InBase64() {
    byte[] bytes = {(byte) 0xff, 0, (byte) 0xc3};

    BodyLog.Body body = BodyLog.Body.of("application/octet-stream", bytes, 4096);

    assertThat(body.fields())
        .containsEntry("bodyBase64", Base64.getEncoder().encodeToString(bytes))
        .doesNotContainKey("body");
  }

  @Test
  void keepsABodyOnOneTextLineSoThatItCannotForgeLines() {
    BodyLog.Body body =
        BodyLog.Body.of(
            "text/plain",
            "a\n2026-01-01T00:00:00Z SEVERE x: forged\r\u0000\\".getBytes(UTF_8),
            4096);

    assertThat(body.toString())
        .endsWith("a\\n2026-01-01T00:00:00Z SEVERE x: forged\\r\\u0000\\\\")
        .doesNotContain("\n", "\r", "\u0000");
  }
}
