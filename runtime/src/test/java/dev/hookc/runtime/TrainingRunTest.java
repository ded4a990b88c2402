package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.internal.app.Assembly;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

  /** What the application below received, in order. */
  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  /** A hookc application as the plugin generates one, reduced to its {@code builder()}. */
  public static final class EchoApplication {

    private EchoApplication() {}

    public static Application.Builder builder() {
      return Assembly.of(
              env -> JsonNodeFactory.instance.objectNode(),
              startup ->
                  List.of(
                      Route.of(
                          "POST",
                          "/echo",
                          request -> {
                            // An empty body is a 400 here, as in generated controllers.
                            Json.readBody(request);
                            RECEIVED.add(
                                request.mediaType() + " " + new String(request.bodyBytes(), UTF_8));
                            return Response.json(200, Map.of("ok", true));
                          })))
          .builder();
    }
  }

  /** Has a {@code builder()}, but not one that builds a hookc application. */
  public static final class NotAnApplication {

    private NotAnApplication() {}

    public static String builder() {
      return "";
    }
  }

  @BeforeEach
  void forget() {
    RECEIVED.clear();
  }

  @Test
  void sendsEachRequestWithItsJsonBodyToTheApplicationsRoutes() throws Exception {
    TrainingRun.run(
        EchoApplication.class.getName(),
        List.of(
            "POST /echo 200 {\"status\":\"ok\"}",
            "POST /echo 400",
            "GET /echo 405",
            "GET /health 200"));

    assertThat(RECEIVED).containsExactly("application/json {\"status\":\"ok\"}");
  }

  @Test
  void failsWhenAnAnswerHasAnotherStatusThanExpected() {
    assertThatThrownBy(
            () -> TrainingRun.run(EchoApplication.class.getName(), List.of("GET /nowhere 200")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("GET /nowhere answered 404, expected 200");
  }

  @Test
  void rejectsARequestWithoutPathOrStatusBeforeStartingAnything() {
    assertThatThrownBy(
            () -> TrainingRun.run(EchoApplication.class.getName(), List.of("POST /echo {}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a training request (<METHOD> <path> <status> [<body>]): POST /echo {}");
  }

  @Test
  void rejectsAClassThatIsNoHookcApplication() {
    assertThatThrownBy(() -> TrainingRun.run(NotAnApplication.class.getName(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a hookc application");
    assertThatThrownBy(() -> TrainingRun.run("dev.hookc.NoSuchApplication", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such class on the classpath: dev.hookc.NoSuchApplication");
  }
}
