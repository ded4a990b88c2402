package dev.hookc.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTelemetryTest {
  private static final RequestStart REQUEST =
      new RequestStart("POST", "/callback", "req-1", name -> null);

  @Test
  void takesTheTraceAndSpanIdFromWhicheverTelemetryTraces() {
    Telemetry metrics = new Telemetry() {};
    Telemetry tracing =
        new Telemetry() {
          @Override
          public Observation request(RequestStart request) {
            return new Observation() {
              @Override
              public String traceId() {
                return "4bf92f3577b34da6a3ce929d0e0e4736";
              }

              @Override
              public String spanId() {
                return "00f067aa0ba902b7";
              }
            };
          }
        };

    try (Observation request = Telemetry.of(List.of(metrics, tracing)).request(REQUEST)) {
      assertThat(request.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(request.spanId()).isEqualTo("00f067aa0ba902b7");
    }
  }

  @Test
  void closesInnermostFirst() {
    List<String> closed = new ArrayList<>();
    Telemetry first = closing("first", closed);
    Telemetry second = closing("second", closed);

    Telemetry.of(List.of(first, second)).request(REQUEST).close();

    assertThat(closed).containsExactly("second", "first");
  }

  private static Telemetry closing(String name, List<String> closed) {
    return new Telemetry() {
      @Override
      public Observation request(RequestStart request) {
        return new Observation() {
          @Override
          public void close() {
            closed.add(name);
          }
        };
      }
    };
  }
}
