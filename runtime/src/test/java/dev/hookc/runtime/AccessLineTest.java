package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessLineTest {

  @Test
  void writesTheDurationInMillisecondsWithThreeDecimals() {
    assertThat(ExchangeHandler.accessLine("POST", "/callback", 200, 1_234, null))
        .isEqualTo("method=POST path=/callback status=200 durationMs=1.234");
    assertThat(ExchangeHandler.accessLine("GET", "/a%20b", 404, 5, null))
        .isEqualTo("method=GET path=/a%20b status=404 durationMs=0.005");
    assertThat(ExchangeHandler.accessLine("GET", "/", 503, 12_040, null))
        .isEqualTo("method=GET path=/ status=503 durationMs=12.040");
  }

  @Test
  void endsWithTheRequestIdOfAProblem() {
    assertThat(ExchangeHandler.accessLine("POST", "/x", 500, 100_000, "00ab12cd34ef"))
        .isEqualTo("method=POST path=/x status=500 durationMs=100.000 requestId=00ab12cd34ef");
  }

  @Test
  void requestIdsAreTwelveHexadecimalDigitsLeadingZerosIncluded() {
    Set<String> ids = new HashSet<>();
    boolean leadingZero = false;
    for (int i = 0; i < 10_000; i++) {
      String id = ExchangeHandler.newRequestId();
      assertThat(id).matches("[0-9a-f]{12}");
      leadingZero |= id.charAt(0) == '0';
      ids.add(id);
    }
    // One in sixteen ids starts with a zero, which must not be cut off.
    assertThat(leadingZero).isTrue();
    assertThat(ids).hasSizeGreaterThan(9_990);
  }
}
