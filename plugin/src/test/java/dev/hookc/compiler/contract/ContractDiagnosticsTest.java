package dev.hookc.compiler.contract;

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

/** Mistakes in parameters, body limits and http.yaml are located build errors. */
class ContractDiagnosticsTest {
  private static final String WORKFLOW =
      "tasks:\n  - id: answer\n    args:\n      statusCode: 200\n      body: ok\n";

  @TempDir Path project;

  @Test
  void reportsAnUnknownParameterLocationAtItsValue() throws IOException {
    List<Diagnostic> found =
        compile("http.get./a:\n  fn: answer\n  params:\n    - name: x\n      in: body\n", null);

    assertThat(found).extracting(this::where).containsExactly(tuple("HC2016", 5, 11));
  }

  @Test
  void reportsAQueryParameterThatTextCannotBecomeAtItsType() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a:\n"
                + "  fn: answer\n"
                + "  params:\n"
                + "    - name: filter\n"
                + "      in: query\n"
                + "      schema:\n"
                + "        type: object\n"
                + "    - name: ids\n"
                + "      in: query\n"
                + "      schema:\n"
                + "        type: array\n"
                + "        items:\n"
                + "          type: array\n",
            null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2101", 7, 15), tuple("HC2101", 11, 15));
    assertThat(found.get(0).message()).contains("'filter'").contains("object");
  }

  @Test
  void acceptsParametersOfEveryConvertibleType() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a/{id}:\n"
                + "  fn: answer\n"
                + "  params:\n"
                + "    - {name: id, in: path, schema: {type: integer}}\n"
                + "    - {name: q, in: query, schema: {type: [number, 'null']}}\n"
                + "    - {name: on, in: query, schema: {type: boolean}}\n"
                + "    - {name: tags, in: query, schema: {type: array, items: {type: string}}}\n"
                + "    - {name: X-Key, in: header, schema: {enum: [a, b]}}\n",
            null);

    assertThat(found).isEmpty();
  }

  @Test
  void reportsAMalformedMaxBodySizeAtItsValue() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.post./a:\n  fn: answer\n  max_body_size: 256 kilobytes\n",
            "max_body_size: 3GiB\n");

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2102", 3, 18), tuple("HC2102", 1, 16));
  }

  @Test
  void reportsABodyRequiredThatIsNotABoolean() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.post./a:\n"
                + "  fn: answer\n"
                + "  body:\n"
                + "    required: yes please\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema: {type: object}\n",
            null);

    assertThat(found).extracting(this::where).containsExactly(tuple("HC2106", 4, 15));
  }

  @Test
  void reportsUnknownHttpSettingsWithASuggestion() throws IOException {
    List<Diagnostic> found =
        compile("http.get./a:\n  fn: answer\n", "type: express\nbase_ulr: /api\ncors: {}\n");

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2103", 2, 1), tuple("HC2105", 3, 1));
    assertThat(found.get(0).hint()).hasValue("did you mean 'base_url'?");
    assertThat(found.get(0).location().file()).isEqualTo("src/eventsources/http.yaml");
  }

  @Test
  void reportsBadHttpSettingValues() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a:\n  fn: answer\n",
            "port: 70000\nbase_url: api\nvalidate_responses: enforced\n");

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2104", 1, 7), tuple("HC2104", 2, 11), tuple("HC2104", 3, 21));
    assertThat(found.get(2).hint()).hasValue("did you mean 'enforce'?");
  }

  @Test
  void typesDeclaredParametersInExpressionsAndLeavesOthersDynamic() throws IOException {
    String events =
        "http.get./a/{id}:\n"
            + "  fn: answer\n"
            + "  params:\n"
            + "    - {name: id, in: path, schema: {type: integer}}\n"
            + "    - {name: X-Key, in: header, schema: {type: string}}\n";
    workflow(
        "tasks:\n"
            + "  - id: answer\n"
            + "    args:\n"
            + "      statusCode: 200\n"
            + "      body:\n"
            + "        next: <% inputs.params.id + 1 %>\n"
            + "        key: <% inputs.headers['x-key'].toUpperCase() %>\n"
            + "        other: <% inputs.headers['x-other'] %>\n"
            + "        wrong: <% inputs.params.id.toUpperCase() %>\n");

    assertThat(compile(events, null))
        .extracting(this::where)
        .containsExactly(tuple("HC4011", 9, 36));
  }

  @Test
  void typesDeclaredCookiesAndTheRawBodyAndRefusesAnUndeclaredCookie() throws IOException {
    String events =
        "http.post./a:\n"
            + "  fn: answer\n"
            + "  params:\n"
            + "    - {name: session, in: cookie, schema: {type: string}}\n"
            + "    - {name: visits, in: cookie, schema: {type: integer}}\n";
    workflow(
        "tasks:\n"
            + "  - id: answer\n"
            + "    args:\n"
            + "      statusCode: 200\n"
            + "      body:\n"
            + "        session: <% inputs.cookies.session.toUpperCase() %>\n"
            + "        next: <% inputs.cookies.visits + 1 %>\n"
            + "        size: <% inputs.raw_body.trim().length %>\n"
            + "        wrong: <% inputs.cookies.sesion %>\n"
            + "        twice: <% inputs.raw_body * 2 %>\n");

    List<Diagnostic> found = compile(events, null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC4009", 9, 34), tuple("HC4015", 10, 35));
    assertThat(found.get(0).hint()).hasValue("did you mean 'session'?");
  }

  @Test
  void acceptsListsOfScalarTypesAndRefusesThoseWithAnObjectAtTheirType() throws IOException {
    List<Diagnostic> found =
        compile(
            "http.get./a/{id}:\n"
                + "  fn: answer\n"
                + "  params:\n"
                + "    - {name: id, in: path, schema: {type: [integer, string]}}\n"
                + "    - {name: on, in: query, schema: {type: [boolean, string, 'null']}}\n"
                + "    - {name: ns, in: query, schema: {type: array, items: {type: [number, integer]}}}\n"
                + "    - name: filter\n"
                + "      in: query\n"
                + "      schema:\n"
                + "        type: [string, object]\n"
                + "    - name: rows\n"
                + "      in: header\n"
                + "      schema:\n"
                + "        type: array\n"
                + "        items: {type: [integer, array]}\n",
            null);

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2101", 10, 15), tuple("HC2101", 14, 15));
    assertThat(found.get(0).message()).contains("'filter'").contains("[string, object]");
  }

  @Test
  void typesAParameterOfOneTypeOrNullAsThatTypeAndOneOfSeveralTypesAsDynamic() throws IOException {
    String events =
        "http.get./a:\n"
            + "  fn: answer\n"
            + "  params:\n"
            + "    - {name: since, in: query, schema: {type: [integer, 'null']}}\n"
            + "    - {name: id, in: query, schema: {type: [integer, string]}}\n";
    workflow(
        "tasks:\n"
            + "  - id: answer\n"
            + "    args:\n"
            + "      statusCode: 200\n"
            + "      body:\n"
            + "        id: <% inputs.query.id.length %>\n"
            + "        wrong: <% inputs.query.since.toUpperCase() %>\n");

    assertThat(compile(events, null))
        .extracting(this::where)
        .containsExactly(tuple("HC4011", 7, 38));
  }

  private String workflow = WORKFLOW;

  private void workflow(String text) {
    this.workflow = text;
  }

  private List<Diagnostic> compile(String events, String http) throws IOException {
    Files.createDirectories(project.resolve("src/events"));
    Files.createDirectories(project.resolve("src/functions"));
    Files.writeString(project.resolve("src/events/a.yaml"), events);
    Files.writeString(project.resolve("src/functions/answer.yaml"), workflow);
    if (http != null) {
      Files.createDirectories(project.resolve("src/eventsources"));
      Files.writeString(project.resolve("src/eventsources/http.yaml"), http);
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
