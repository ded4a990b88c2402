package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.TestProject;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Body schemas that crashed the build with an internal error or generated code that did not
 * compile, found by {@link RandomProjectsTest} and {@link JsonSchemaSuitePipelineTest}: each now
 * builds and serves its bodies over HTTP, or is refused at its schema with a located diagnostic.
 */
class HostilePayloadShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path root;

  @Test
  void servesAScalarBodyWhichTheControllerPassedAsJsonToARecordTypedLong() throws Exception {
    TestProject project = echo("{type: integer, minimum: 1}");
    try (Application server = start(project)) {
      assertThat(post(server, "5").statusCode()).isEqualTo(200);
      assertThat(post(server, "5").body()).isEqualTo("5");
      assertThat(post(server, "\"x\"").statusCode()).isEqualTo(400);
      assertThat(post(server, "0").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void servesAListOfListsBodyWhoseInputsRecordReadItAsListOfList() throws Exception {
    TestProject project = echo("{type: array, items: {type: array, items: {type: number}}}");
    try (Application server = start(project)) {
      HttpResponse<String> answer = post(server, "[[1.5],[2,3]]");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("[[1.5],[2,3]]"));
    }
  }

  @Test
  void bindsPropertiesWhoseJavaNamesClashOrCannotBeDerived() throws Exception {
    TestProject project =
        echo(
            "\n"
                + "          type: object\n"
                + "          properties:\n"
                + "            foo: {type: integer}\n"
                + "            Foo: {type: string}\n"
                + "            foo_bar: {type: boolean}\n"
                + "            fooBar: {type: string}\n"
                + "            _: {type: string}\n"
                + "            '-': {type: string}\n"
                + "            名前: {type: string}\n"
                + "            é: {type: string}\n"
                + "            x😀y: {type: string}\n"
                + "            int: {type: string}\n"
                + "            Int: {type: string}\n"
                + "            a: {type: object, properties: {bC: {type: integer}}}\n"
                + "            aB: {type: object, properties: {c: {type: integer}}}\n"
                + "            item: {type: object, properties: {x: {type: integer}}}\n"
                + "            Item: {type: object, properties: {y: {type: integer}}}\n"
                + "          required: [_, 名前]");
    String body =
        "{\"foo\":1,\"Foo\":\"F\",\"foo_bar\":true,\"fooBar\":\"fb\",\"_\":\"u\",\"-\":\"d\","
            + "\"名前\":\"n\",\"é\":\"e\",\"x😀y\":\"s\",\"int\":\"i\",\"Int\":\"I\","
            + "\"a\":{\"bC\":2},\"aB\":{\"c\":3},\"item\":{\"x\":4},\"Item\":{\"y\":5}}";
    try (Application server = start(project)) {
      HttpResponse<String> answer = post(server, body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(body));
      assertThat(post(server, "{\"_\":\"u\"}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void refusesAtTheSchemaAClassItsGeneratorCannotNameInsteadOfAnInternalError() {
    TestProject project =
        echo(
            "\n"
                + "          type: object\n"
                + "          properties:\n"
                + "            javaName: {type: string}\n"
                + "            \"foo bar\": {type: string}");
    assertThat(project.codes()).containsExactly("HC5090@7:11");
  }

  /** A project whose one event's body has schema {@code schema} and is answered back. */
  private TestProject echo(String schema) {
    return new TestProject(root)
        .file(
            "src/events/echo.yaml",
            "http.post./echo:\n"
                + "  fn: echo\n"
                + "  body:\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema: "
                + schema
                + "\n")
        .file(
            "src/functions/echo.yaml",
            "tasks:\n  - id: answer\n    fn: com.gs.return\n    args:\n      code: 200\n"
                + "      data: <% inputs.body %>\n")
        .file("src/main/java/.gitkeep", "");
  }

  private static Application start(TestProject project) throws Exception {
    return ProjectBuild.start(
        ProjectBuild.build(project.root(), TestProject.PACKAGE), TestProject.PACKAGE);
  }

  private static HttpResponse<String> post(Application server, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/echo"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
