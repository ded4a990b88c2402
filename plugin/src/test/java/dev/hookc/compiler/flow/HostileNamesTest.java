package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A body schema whose property names and {@code $ref}s hold the characters of the
 * JSON-Schema-Test-Suite ({@code src/test/resources/projects/hostile-names}): quotes, backslashes,
 * control characters, spaces, percent-encoded references and JSON Pointer escapes build into
 * classes that compile, validate and bind every such property, over HTTP.
 */
class HostileNamesTest {
  private static final String PACKAGE = "dev.hookc.test.names";
  private static final Path PROJECT = Path.of("src/test/resources/projects/hostile-names");
  private static final ObjectMapper JSON = new ObjectMapper();
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
  void bindsEveryPropertyWhoseNameNeedsEscaping() throws Exception {
    ObjectNode body = valid();
    HttpResponse<String> response = post(body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(body);
  }

  @Test
  void validatesAPropertyReachedThroughAPercentEncodedReference() throws Exception {
    assertRefusedAt(valid().put("foo\"bar", 0), "/foo\"bar", "minimum");
  }

  @Test
  void validatesPropertiesReachedThroughJsonPointerEscapes() throws Exception {
    assertRefusedAt(valid().put("tilde~field", "long"), "/tilde~0field", "maxLength");
    assertRefusedAt(valid().put("slash/field", "yes"), "/slash~1field", "type");
  }

  @Test
  void refusesABodyWithoutTheRequiredQuotedProperty() throws Exception {
    ObjectNode body = valid();
    body.remove("foo\"bar");
    assertRefusedAt(body, "", "required");
  }

  @Test
  void typesPropertiesReachedThroughEscapedReferencesAndGivesEachItsOwnJavaName() {
    String payload =
        ProjectBuild.compileYaml(PROJECT, PACKAGE).sources().stream()
            .filter(s -> s.path().endsWith("/PostNamesBody.java"))
            .findFirst()
            .orElseThrow()
            .content();
    assertThat(payload)
        .contains("private Long foo$0022bar;")
        .contains("private String foo$005cbar;")
        .contains("private String foo$000abar;")
        .contains("private Long foo$0025bar;")
        .contains("private String tilde$007efield;")
        .contains("private Boolean slash$002ffield;")
        .contains("@JsonProperty(\"foo\\\"bar\")")
        .contains("private PostNamesBodyFooX0020Xbar foo$0020bar;")
        .contains("private PostNamesBodyFooX002fXbar foo$002fbar;");
  }

  private static ObjectNode valid() {
    ObjectNode body = JSON.createObjectNode();
    body.put("foo\"bar", 2).put("foo\\bar", "back").put("foo\nbar", "new");
    body.put("foo\tbar", "tab").put("foo%bar", 7).put("tilde~field", "t");
    body.put("slash/field", true);
    body.putObject("foo bar").put("a b", "space");
    body.putObject("foo/bar").put("c", 3);
    return body;
  }

  private static void assertRefusedAt(ObjectNode body, String pointer, String keyword)
      throws Exception {
    HttpResponse<String> response = post(body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.findValuesAsText("pointer")).as(response.body()).contains(pointer);
    assertThat(errors.findValuesAsText("keyword")).as(response.body()).contains(keyword);
  }

  private static HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/names"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
