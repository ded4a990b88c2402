package dev.hookc.runtime.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTest {

  @Test
  void okCreatedAndAcceptedAreSuccessfulWithTheirCodes() {
    assertThat(Status.ok(Map.of("id", 7)).toJson().toString())
        .isEqualTo(
            "{\"success\":true,\"code\":200,\"message\":null,\"data\":{\"id\":7},\"headers\":{}}");
    assertThat(Status.created(Map.of("id", 7)).code()).isEqualTo(201);
    assertThat(Status.accepted().code()).isEqualTo(202);
    assertThat(Status.accepted().data().isNull()).isTrue();
  }

  @Test
  void errorIsAFailedStatusWhoseDataIsTheBody() {
    Status status = Status.error(404, Map.of("message", "no such order"));

    assertThat(status.success()).isFalse();
    assertThat(status.code()).isEqualTo(404);
    assertThat(status.data().toString()).isEqualTo("{\"message\":\"no such order\"}");
    assertThat(status.returned()).isFalse();
  }

  @Test
  void errorRefusesACodeThatIsNotAnError() {
    assertThatThrownBy(() -> Status.error(200, "fine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an error code: 200");
  }

  @Test
  void andReturnEndsTheWorkflowKeepingEverythingElse() {
    Status status = Status.error(409, "taken").withHeader("Retry-After", "5").andReturn();

    assertThat(status.returned()).isTrue();
    assertThat(status.code()).isEqualTo(409);
    assertThat(status.headers()).containsExactly(Map.entry("Retry-After", "5"));
  }

  @Test
  void withHeaderReplacesAValueSetUnderTheSameNameInAnyCase() {
    Status status = Status.ok(null).withHeader("location", "/a").withHeader("Location", "/b");

    assertThat(status.headers()).containsExactly(Map.entry("Location", "/b"));
  }

  @Test
  void withHeaderRefusesAValueThatWouldSmuggleAnotherHeader() {
    assertThatThrownBy(() -> Status.ok(null).withHeader("Location", "/a\r\nSet-Cookie: x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header value contains a line break: Location");
    assertThatThrownBy(() -> Status.ok(null).withHeader("Bad Name", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withMessageSetsTheMessageOnly() {
    Status status = Status.error(422, "x").withMessage("amount must be positive");

    assertThat(status.message()).isEqualTo("amount must be positive");
    assertThat(status.code()).isEqualTo(422);
  }

  @Test
  void ofDataKeepsAMapWithACodeKeyAsDataButAStatusAsItself() {
    Status data = Status.ofData(Map.of("code", "EUR"));
    Status status = Status.error(409, "taken");

    assertThat(data.code()).isEqualTo(200);
    assertThat(data.data().toString()).isEqualTo("{\"code\":\"EUR\"}");
    assertThat(Status.ofData(status)).isSameAs(status);
  }
}
