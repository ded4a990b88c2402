package dev.hookc.compiler.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventDiagnosticsTest {
  private static final String WORKFLOW = "tasks:\n  - id: done\n    args: {statusCode: 200}\n";

  @TempDir Path dir;

  private TestProject project(String events) {
    return new TestProject(dir)
        .file("src/events/events.yaml", events)
        .file("src/functions/handle.yaml", WORKFLOW);
  }

  @Test
  void acceptsAWellFormedEventWithoutDiagnostics() {
    assertThat(project("http.post./callback:\n  fn: handle\n").codes()).isEmpty();
  }

  @Test
  void reportsAKeyWithoutMethodAndPath() {
    assertThat(project("http.callback:\n  fn: handle\n").codes()).containsExactly("HC2015@1:1");
  }

  @Test
  void reportsAnUnknownSource() {
    assertThat(project("htp.post./callback:\n  fn: handle\n").codes())
        .containsExactly("HC2001@1:1");
  }

  @Test
  void reportsAnUnknownMethodAtItsColumn() {
    assertThat(project("http.pots./callback:\n  fn: handle\n").codes())
        .containsExactly("HC2002@1:6");
  }

  @Test
  void reportsAPathWithoutLeadingSlashAtItsColumn() {
    assertThat(project("http.post.callback:\n  fn: handle\n").codes())
        .containsExactly("HC2003@1:11");
  }

  @Test
  void reportsAMalformedPathParameterAtItsSegment() {
    assertThat(project("http.get./users/{id/orders:\n  fn: handle\n").codes())
        .containsExactly("HC2004@1:17");
  }

  @Test
  void acceptsADotInsideThePath() {
    assertThat(project("http.get./files/report.v2.json:\n  fn: handle\n").codes()).isEmpty();
  }

  @Test
  void reportsAnUnknownKeyWithItsLikelySpelling() {
    var result = project("http.post./callback:\n  fn: handle\n  sumary: x\n").compile();

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(TestProject.brief(d)).isEqualTo("HC2006@3:3");
              assertThat(d.hint()).hasValue("did you mean 'summary'?");
            });
  }

  @Test
  void reportsAGodspeedKeyThatIsNotSupportedYet() {
    assertThat(project("http.post./callback:\n  fn: handle\n  authz: check\n").codes())
        .containsExactly("HC2007@3:3");
  }

  @Test
  void reportsAMissingFnAtTheEventKey() {
    assertThat(project("http.post./callback:\n  summary: x\n").codes())
        .containsExactly("HC2008@1:1");
  }

  @Test
  void reportsAContentTypeTheRuntimeCannotServe() {
    String events =
        "http.post./callback:\n"
            + "  fn: handle\n"
            + "  body:\n"
            + "    content:\n"
            + "      text/csv:\n"
            + "        schema: {type: string}\n";
    assertThat(project(events).codes()).containsExactly("HC2009@5:7");
  }

  @Test
  void reportsAPathParameterMissingFromThePath() {
    String events =
        "http.get./users:\n"
            + "  fn: handle\n"
            + "  params:\n"
            + "    - name: id\n"
            + "      in: path\n";
    assertThat(project(events).codes()).containsExactly("HC2010@4:7");
  }

  @Test
  void reportsAPathParameterDeclaredWithAnotherLocation() {
    String events =
        "http.get./users/:id:\n"
            + "  fn: handle\n"
            + "  params:\n"
            + "    - name: id\n"
            + "      in: query\n";
    assertThat(project(events).codes()).containsExactly("HC2011@5:11");
  }

  @Test
  void reportsAResponseKeyThatIsNoStatusCode() {
    String events =
        "http.post./callback:\n"
            + "  fn: handle\n"
            + "  responses:\n"
            + "    200: {description: ok}\n"
            + "    ok: {description: ok}\n";
    assertThat(project(events).codes()).containsExactly("HC2012@5:5");
  }

  @Test
  void reportsTheSameRouteInBothParameterSpellings() {
    var result =
        new TestProject(dir)
            .file("src/events/a.yaml", "http.get./users/{id}:\n  fn: handle\n")
            .file("src/events/b.yaml", "http.get./users/:user:\n  fn: handle\n")
            .file("src/functions/handle.yaml", WORKFLOW)
            .compile();

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code().id()).isEqualTo("HC2013");
              assertThat(d.location().file()).isEqualTo("src/events/b.yaml");
              assertThat(d.message()).contains("src/events/a.yaml:1:1");
            });
  }

  @Test
  void reportsAnAuthnOfTheWrongShape() {
    assertThat(project("http.post./callback:\n  fn: handle\n  authn: maybe\n").codes())
        .containsExactly("HC2014@3:10");
  }

  @Test
  void reportsAParameterWithAnUnknownLocation() {
    String events =
        "http.get./users:\n"
            + "  fn: handle\n"
            + "  params:\n"
            + "    - name: id\n"
            + "      in: body\n";
    assertThat(project(events).codes()).containsExactly("HC2016@5:11");
  }

  @Test
  void reportsAnUnresolvedEventFnSayingWhatWasLookedFor() {
    var result = project("http.post./callback:\n  fn: handel\n").compile();

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(TestProject.brief(d)).isEqualTo("HC2017@2:7");
              assertThat(d.message())
                  .contains("src/main/java/com/example/hooks/functions/Handel.java");
              assertThat(d.hint()).hasValue("did you mean 'handle'?");
            });
  }

  @Test
  void reportsABuiltinUsedAsAnEventHandler() {
    assertThat(project("http.post./callback:\n  fn: com.gs.transform\n").codes())
        .containsExactly("HC2018@2:7");
  }

  @Test
  void reportsAJavaFunctionUsedAsAnEventHandler() {
    assertThat(
            project("http.post./callback:\n  fn: processData\n")
                .javaFunction("ProcessData")
                .codes())
        .containsExactly("HC2019@2:7");
  }
}
