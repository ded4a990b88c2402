package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTest {

  @Test
  void replacesHeaderValuesCaseInsensitively() {
    Response response =
        Response.json(200, "x").withHeader("content-type", "application/vnd.hookc+json");

    assertThat(response.headers()).containsOnlyKeys("content-type");
    assertThat(response.header("Content-Type")).isEqualTo("application/vnd.hookc+json");
  }

  @Test
  void addsRepeatedHeaderValues() {
    Response response =
        Response.empty(200)
            .withAddedHeader("Set-Cookie", "a=1")
            .withAddedHeader("set-cookie", "b=2");

    assertThat(response.headers().get("Set-Cookie")).isEqualTo(List.of("a=1", "b=2"));
  }

  @Test
  void leavesTheOriginalUnchanged() {
    Response original = Response.empty(202);

    original.withHeader("X-A", "1");

    assertThat(original.headers()).isEmpty();
  }

  @Test
  void refusesBodiesOnNoContent() {
    assertThatThrownBy(() -> Response.of(204, "text/plain", new byte[] {1}))
        .hasMessage("status 204 cannot have a body");
  }

  @Test
  void refusesInformationalStatuses() {
    assertThatThrownBy(() -> Response.empty(101)).hasMessage("not a final status: 101");
  }
}
