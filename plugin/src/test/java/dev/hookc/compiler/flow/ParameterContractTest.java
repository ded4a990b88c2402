package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event's parameter schemas are checked by one contract class, whose method names stay apart
 * where the parameters' names would meet ({@code src/test/resources/projects/parameter-contract}):
 * each parameter is held to its own schema, over HTTP.
 */
class ParameterContractTest {
  private static final String PACKAGE = "dev.hookc.test.contract";
  private static final Path PROJECT = Path.of("src/test/resources/projects/parameter-contract");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    server = ProjectBuild.start(ProjectBuild.build(PROJECT, PACKAGE), PACKAGE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatesOneContractClassForTheEventsParameters() {
    assertThat(
            ProjectBuild.compileYaml(PROJECT, PACKAGE).sources().stream()
                .map(GeneratedSource::path)
                .filter(path -> path.contains("/validation/")))
        .containsExactly("dev/hookc/test/contract/validation/GetPagesContract.java");
  }

  @Test
  void holdsEachOfTwoSimilarlyNamedParametersToItsOwnSchema() throws Exception {
    assertThat(get("/pages?page-size=9&page_size=5", "1").statusCode()).isEqualTo(200);
    assertThat(get("/pages?page-size=0", "1").body()).contains("minimum");
    assertThat(get("/pages?page_size=9", "1").body()).contains("maximum");
  }

  @Test
  void holdsAQueryAndAHeaderOfTheSameNameToTheirOwnSchemas() throws Exception {
    assertThat(get("/pages?page=abc", "12").statusCode()).isEqualTo(200);
    assertThat(get("/pages?page=12", "12").statusCode()).isEqualTo(400);
    assertThat(get("/pages?page=abc", "abc").statusCode()).isEqualTo(400);
  }

  private static HttpResponse<String> get(String target, String pageHeader) throws Exception {
    URI uri = URI.create(server.baseUri() + target);
    return CLIENT.send(
        HttpRequest.newBuilder(uri)
            .header("page", pageHeader)
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
