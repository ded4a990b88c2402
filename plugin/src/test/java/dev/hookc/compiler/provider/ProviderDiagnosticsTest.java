package dev.hookc.compiler.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in a body schema taken from a provider's OpenAPI document, each reported where it was
 * written, by code, line and column: in the event's YAML, or in the document under src/.
 */
class ProviderDiagnosticsTest {
  private static final String WORKFLOW =
      "tasks:\n  - id: answer\n    fn: com.gs.return\n    args:\n      code: 200\n";

  @TempDir Path root;

  private TestProject project(String events) {
    return new TestProject(root)
        .file("src/events/hooks.yaml", events)
        .file("src/functions/answer.yaml", WORKFLOW);
  }

  private static String body(String ref) {
    return "http.post./hook:\n"
        + "  fn: answer\n"
        + "  authn: false\n"
        + "  body:\n"
        + "    content:\n"
        + "      application/json:\n"
        + "        schema:\n"
        + "          $ref: '"
        + ref
        + "'\n";
  }

  @Test
  void locatesAMisspeltWebhookOfTheBundledPackAtItsName() {
    CompileResult result = project(body("github#/webhooks/pull-request-opend")).compile();
    // Line 8: the quote is column 17, and the name starts after "github#/webhooks/", at 35.
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC7003@8:35");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("pull-request-opened"));
  }

  @Test
  void locatesADocumentThatIsNeitherBundledNorAFile() {
    CompileResult result = project(body("gihub#/webhooks/push")).compile();
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC7001@8:17");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("github"));
  }

  @Test
  void locatesAnEventTypeGithubDoesNotSendWithTheClosestOne() {
    CompileResult result =
        project(
                "http.post./hook:\n"
                    + "  fn: answer\n"
                    + "  authn: false\n"
                    + "  github:\n"
                    + "    events: [push, pull_requests]\n")
            .compile();
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC7005@5:20");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("'pull_request'"));
  }

  @Test
  void locatesAGithubDeclarationWithoutEvents() {
    CompileResult result =
        project(
                "http.post./hook:\n"
                    + "  fn: answer\n"
                    + "  authn: false\n"
                    + "  github:\n"
                    + "    event: [push]\n")
            .compile();
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC7006@5:5");
  }

  @Test
  void locatesAFileUnderSrcThatIsNotAnOpenApiDocumentInTheFile() {
    CompileResult result =
        project(body("openapi/shop.yaml#/components/schemas/Order"))
            .file("src/openapi/shop.yaml", "title: not openapi\n")
            .compile();
    assertThat(result.diagnostics())
        .extracting(d -> d.location().file() + "@" + TestProject.brief(d))
        .containsExactly("src/openapi/shop.yaml@HC7002@1:1");
  }

  @Test
  void locatesABadReferenceInsideTheProjectsDocumentInTheDocument() {
    CompileResult result =
        project(body("openapi/shop.yaml#/webhooks/orderCreated"))
            .file(
                "src/openapi/shop.yaml",
                "openapi: 3.1.0\n"
                    + "webhooks:\n"
                    + "  orderCreated:\n"
                    + "    post:\n"
                    + "      requestBody:\n"
                    + "        content:\n"
                    + "          application/json:\n"
                    + "            schema:\n"
                    + "              type: object\n"
                    + "              properties:\n"
                    + "                total: {$ref: '#/components/schemas/Mony'}\n"
                    + "                items: {$ref: 'items.yaml#/Items'}\n"
                    + "components:\n"
                    + "  schemas:\n"
                    + "    Money: {type: integer}\n")
            .compile();
    List<Diagnostic> diagnostics = result.diagnostics();
    assertThat(diagnostics)
        .extracting(d -> d.location().file() + "@" + TestProject.brief(d))
        .containsExactlyInAnyOrder(
            "src/openapi/shop.yaml@HC7003@11:31", "src/openapi/shop.yaml@HC7007@12:31");
  }

  @Test
  void locatesAWebhookWithoutAJsonBody() {
    CompileResult result =
        project(body("openapi/shop.yaml#/webhooks/orderCreated"))
            .file(
                "src/openapi/shop.yaml",
                "openapi: 3.1.0\nwebhooks:\n  orderCreated:\n    post: {description: no body}\n")
            .compile();
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC7004@8:17");
  }

  @Test
  void locatesAPathThatGithubDoesNotSendAtTheMisspeltProperty() {
    CompileResult result =
        new TestProject(root)
            .file("src/events/hooks.yaml", body("github#/webhooks/pull-request-opened"))
            .file(
                "src/functions/answer.yaml",
                "tasks:\n"
                    + "  - id: answer\n"
                    + "    fn: com.gs.return\n"
                    + "    args:\n"
                    + "      code: 200\n"
                    + "      data:\n"
                    + "        sha: <% inputs.body.pull_request.haed.sha %>\n"
                    + "        extra: <% inputs.body.pull_request['haed'] %>\n")
            .compile();
    // Line 7: 'haed' starts after "        sha: <% inputs.body.pull_request.", at column 42.
    assertThat(result.diagnostics())
        .extracting(d -> d.location().file() + "@" + TestProject.brief(d))
        .containsExactly("src/functions/answer.yaml@HC4031@7:42");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("'head'"));
  }

  @Test
  void locatesAPathThatTheProjectsDocumentDoesNotDeclare() {
    CompileResult result =
        new TestProject(root)
            .file("src/events/hooks.yaml", body("openapi/shop.yaml#/components/schemas/Order"))
            .file(
                "src/openapi/shop.yaml",
                "openapi: 3.1.0\n"
                    + "components:\n"
                    + "  schemas:\n"
                    + "    Order:\n"
                    + "      type: object\n"
                    + "      properties:\n"
                    + "        total: {type: integer}\n")
            .file(
                "src/functions/answer.yaml",
                "tasks:\n"
                    + "  - id: answer\n"
                    + "    fn: com.gs.return\n"
                    + "    args:\n"
                    + "      code: 200\n"
                    + "      data: <% inputs.body.totl %>\n")
            .compile();
    assertThat(result.diagnostics())
        .extracting(d -> d.location().file() + "@" + TestProject.brief(d))
        .containsExactly("src/functions/answer.yaml@HC4031@6:28");
  }
}
