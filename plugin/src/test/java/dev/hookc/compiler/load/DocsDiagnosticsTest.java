package dev.hookc.compiler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in what events and {@code http.yaml} say for the API documentation are located build
 * errors (HC2040, HC2107), never silently left out of the document.
 */
class DocsDiagnosticsTest {
  private static final String WORKFLOW =
      "tasks:\n  - id: answer\n    args:\n      statusCode: 200\n      body: ok\n";

  @TempDir Path project;

  @Test
  void acceptsGodspeedsDocumentationKeys() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.post./a:\n"
                + "  summary: Create\n"
                + "  description: Creates an a.\n"
                + "  tags: [a, b]\n"
                + "  fn: answer\n"
                + "  body:\n"
                + "    description: The a\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema: {type: object}\n"
                + "        example: {x: 1}\n"
                + "        examples:\n"
                + "          one: {summary: One, value: {x: 1}}\n"
                + "  responses:\n"
                + "    200:\n"
                + "      description: Done\n"
                + "      headers: {X-Id: {schema: {type: string}}}\n"
                + "      content:\n"
                + "        text/plain:\n"
                + "          schema: {type: string}\n"
                + "          example: ok\n",
            "docs:\n"
                + "  endpoint: /docs\n"
                + "  ui: false\n"
                + "  info: {title: A, version: 2.0.0, description: The a API}\n"
                + "  servers:\n"
                + "    - {url: 'https://a.example.com', description: production}\n");

    assertThat(found).isEmpty();
  }

  @Test
  void reportsADescriptionThatIsNotTextAndTagsThatAreNotNames() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a:\n"
                + "  fn: answer\n"
                + "  description: {text: hello}\n"
                + "  tags: [ok, {name: x}]\n",
            null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2040", 3, 16), tuple("HC2040", 4, 14));
  }

  @Test
  void reportsUnknownKeysOfTheBodyContentAndResponsesWithTheClosestKnown() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.post./a:\n"
                + "  fn: answer\n"
                + "  body:\n"
                + "    descripton: The a\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema: {type: object}\n"
                + "        exmaple: {x: 1}\n"
                + "  responses:\n"
                + "    200:\n"
                + "      contnet: {}\n",
            null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2040", 4, 5), tuple("HC2040", 8, 9), tuple("HC2040", 11, 7));
    assertThat(found.get(0).hint()).hasValue("did you mean 'description'?");
    assertThat(found.get(1).hint()).hasValue("did you mean 'example'?");
    assertThat(found.get(2).hint()).hasValue("did you mean 'content'?");
  }

  @Test
  void reportsExamplesWithoutAValueOrNotNamed() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.post./a:\n"
                + "  fn: answer\n"
                + "  body:\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema: {type: object}\n"
                + "        examples:\n"
                + "          empty: {summary: nothing}\n"
                + "          bare: 5\n"
                + "  responses:\n"
                + "    200:\n"
                + "      description: ok\n"
                + "      content:\n"
                + "        application/json:\n"
                + "          examples: [1, 2]\n",
            null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2040", 8, 11), tuple("HC2040", 9, 17), tuple("HC2040", 15, 21));
  }

  @Test
  void reportsEveryMistakeOfTheDocsBlockAtItsPlace() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a:\n  fn: answer\n",
            "docs:\n"
                + "  enabled: maybe\n"
                + "  endpoint: api-docs\n"
                + "  ui: /ui/{x}\n"
                + "  info: {titel: A}\n"
                + "  servers:\n"
                + "    - {description: no url}\n"
                + "  theme: dark\n");

    assertThat(found)
        .extracting(this::where)
        .containsExactly(
            tuple("HC2107", 2, 12),
            tuple("HC2107", 3, 13),
            tuple("HC2107", 4, 7),
            tuple("HC2107", 5, 10),
            tuple("HC2107", 7, 7),
            tuple("HC2107", 8, 3));
    assertThat(found.get(3).hint()).hasValue("did you mean 'title'?");
  }

  @Test
  void reportsAnInfoBlockThatIsNotAMapping() throws IOException {
    List<Diagnostic> found =
        compile("http.get./a:\n  fn: answer\n", "docs:\n  info: Payments 1.0\n");

    assertThat(found).extracting(this::where).containsExactly(tuple("HC2107", 2, 9));
  }

  @Test
  void reportsAnEventOnAPathOfTheDocumentationUnlessItIsOff() throws IOException {
    String events =
        "http.get./api-docs:\n  fn: answer\n"
            + "http.get./api-docs/ui/:\n  fn: answer\n"
            + "http.get./api-docs-old:\n  fn: answer\n";

    assertThat(compile(events, null))
        .extracting(this::where)
        .containsExactly(tuple("HC2107", 1, 1), tuple("HC2107", 3, 1));
    assertThat(compile(events, "docs: {enabled: false}\n")).isEmpty();
  }

  private List<Diagnostic> compile(String events, String http) throws IOException {
    Files.createDirectories(project.resolve("src/events"));
    Files.createDirectories(project.resolve("src/functions"));
    Files.writeString(project.resolve("src/events/a.yaml"), events);
    Files.writeString(project.resolve("src/functions/answer.yaml"), WORKFLOW);
    Files.createDirectories(project.resolve("src/eventsources"));
    Path httpYaml = project.resolve("src/eventsources/http.yaml");
    if (http != null) {
      Files.writeString(httpYaml, http);
    } else {
      Files.deleteIfExists(httpYaml);
    }
    CompileResult result =
        new HookcCompiler()
            .compile(
                new CompileRequest(
                    project,
                    project.resolve("src/events"),
                    project.resolve("src/functions"),
                    project.resolve("src/definitions"),
                    project.resolve("src/main/java"),
                    project.resolve("target/generated"),
                    "com.example"));
    return result.diagnostics();
  }

  private Tuple where(Diagnostic diagnostic) {
    return tuple(
        diagnostic.code().id(), diagnostic.location().line(), diagnostic.location().column());
  }
}
