package dev.hookc.compiler.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code com.gs.switch} on GitHub's event type narrows {@code inputs.body} in each case to that
 * type's payload; elsewhere the body has what every accepted type's payload has. Each diagnostic is
 * asserted by file, code, line and column.
 */
class EventTypeSwitchTest {
  private static final String EVENTS =
      "http.post./github:\n"
          + "  fn: on_github\n"
          + "  authn:\n"
          + "    github: {secret: <% env.SECRET %>}\n"
          + "  github:\n"
          + "    events: [push, pull_request, issues]\n";

  @TempDir Path root;

  private CompileResult compile(String workflow) {
    return compile(EVENTS, workflow);
  }

  private CompileResult compile(String events, String workflow) {
    return new TestProject(root)
        .file("src/events/github.yaml", events)
        .file("src/functions/on_github.yaml", workflow)
        .compile();
  }

  /** A switch on {@code value} whose {@code pull_request} and {@code push} cases read {@code a}. */
  private static String switchOn(String value, String pullRequest, String push) {
    return "tasks:\n"
        + "  - id: by_type\n"
        + "    fn: com.gs.switch\n"
        + "    value: "
        + value
        + "\n"
        + "    cases:\n"
        + "      pull_request:\n"
        + "        - id: pr\n"
        + "          fn: com.gs.return\n"
        + "          args: {sha: "
        + pullRequest
        + "}\n"
        + "      push:\n"
        + "        - id: pushed\n"
        + "          fn: com.gs.return\n"
        + "          args: {sha: "
        + push
        + "}\n"
        + "    defaults:\n"
        + "      - id: other\n"
        + "        fn: com.gs.return\n"
        + "        args: {repository: <% inputs.body.repository.full_name %>}\n";
  }

  private static final String HEADER = "<% inputs.headers['x-github-event'] %>";
  private static final String SHA = "<% inputs.body.pull_request.head.sha %>";
  private static final String AFTER = "<% inputs.body.after %>";

  private static String located(CompileResult result) {
    return String.join(
        " ",
        result.diagnostics().stream()
            .map(d -> d.location().file() + "@" + TestProject.brief(d))
            .toList());
  }

  @Test
  void typesAPullRequestReadInsideThePullRequestCase() {
    CompileResult result = compile(switchOn(HEADER, SHA, AFTER));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsThePullRequestReadInThePushCaseAtTheProperty() {
    CompileResult result = compile(switchOn(HEADER, SHA, SHA));
    // Line 13: "          args: {sha: <% inputs.body." is 37 characters; pull_request is at 38.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC4031@13:38");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("inputs.body['pull_request']"));
  }

  @Test
  void reportsAPushReadInThePullRequestCase() {
    CompileResult result = compile(switchOn(HEADER, AFTER, AFTER));
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC4031@9:38");
  }

  @Test
  void reportsThePullRequestReadOutsideTheSwitch() {
    CompileResult result =
        compile(
            switchOn(HEADER, SHA, AFTER)
                + "  - id: after\n"
                + "    fn: com.gs.return\n"
                + "    args: {sha: "
                + SHA
                + "}\n");
    // Line 20: "    args: {sha: <% inputs.body." is 31 characters.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC4031@20:32");
  }

  @Test
  void theDefaultsKeepWhatEveryTypeSends() {
    CompileResult result =
        compile(
            switchOn(HEADER, SHA, AFTER)
                .replace(
                    "{repository: <% inputs.body.repository.full_name %>}", "{sha: " + SHA + "}"));
    // Line 17: "        args: {sha: <% inputs.body." is 35 characters.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC4031@17:36");
  }

  @Test
  void locatesACaseForATypeTheRouteDoesNotAcceptWithTheClosestOne() {
    CompileResult result =
        compile(switchOn(HEADER, SHA, AFTER).replace("      push:\n", "      pushes:\n"));
    // The case is not narrowed, so what it reads of a push is reported too.
    assertThat(located(result))
        .isEqualTo(
            "src/functions/on_github.yaml@HC7008@10:7 src/functions/on_github.yaml@HC4031@13:38");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("'push'"));
  }

  @Test
  void locatesACaseForATypeGithubSendsButTheRouteDoesNotAccept() {
    CompileResult result =
        compile(switchOn(HEADER, SHA, AFTER).replace("      push:\n", "      release:\n"));
    assertThat(located(result))
        .isEqualTo(
            "src/functions/on_github.yaml@HC7008@10:7 src/functions/on_github.yaml@HC4031@13:38");
    assertThat(result.diagnostics().get(0).message())
        .contains("POST /github")
        .contains("push, pull_request, issues");
  }

  @Test
  void readsTheHeaderNameInAnyCaseAndReportsCapitalsThatNeverMatch() {
    CompileResult result = compile(switchOn("<% inputs.headers['X-GitHub-Event'] %>", SHA, AFTER));
    // Line 4: "    value: <% inputs.headers[" is 29 characters; the string starts at 30.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC7009@4:30");
    assertThat(result.diagnostics().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("inputs.headers['x-github-event']"));
  }

  @Test
  void narrowsOnTheDeliverysEventOfARouteAuthenticatedByGithub() {
    CompileResult result = compile(switchOn("<% inputs.delivery.event %>", SHA, AFTER));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void aSwitchOnAnotherValueDoesNotNarrow() {
    CompileResult result = compile(switchOn("<% inputs.body.repository.name %>", SHA, AFTER));
    assertThat(located(result))
        .isEqualTo(
            "src/functions/on_github.yaml@HC4031@9:38 src/functions/on_github.yaml@HC4031@13:38");
  }

  @Test
  void nestedLoopsAndCalledWorkflowsSeeTheNarrowedBody() {
    String workflow =
        "tasks:\n"
            + "  - id: by_type\n"
            + "    fn: com.gs.switch\n"
            + "    value: "
            + HEADER
            + "\n"
            + "    cases:\n"
            + "      pull_request:\n"
            + "        - id: labels\n"
            + "          fn: com.gs.each_sequential\n"
            + "          value: <% inputs.body.pull_request.labels %>\n"
            + "          tasks:\n"
            + "            - id: label\n"
            + "              fn: com.gs.transform\n"
            + "              args: {sha: "
            + SHA
            + ", name: <% task_value.name %>}\n"
            + "        - id: described\n"
            + "          fn: describe\n"
            + "          args: {sha: "
            + SHA
            + ", draft: <% inputs.body.pull_request.draft %>}\n";
    CompileResult result =
        new TestProject(root)
            .file("src/events/github.yaml", EVENTS)
            .file("src/functions/on_github.yaml", workflow)
            .file(
                "src/functions/describe.yaml",
                "tasks:\n"
                    + "  - id: answer\n"
                    + "    fn: com.gs.return\n"
                    + "    args: {text: <% inputs.sha %>, x: <% inputs.draft.foo %>}\n")
            .compile();
    // The callee's inputs are typed from the narrowed args: draft is a boolean, which has no
    // properties. Line 4: "    args: {text: <% inputs.sha %>, x: <% inputs.draft." is 54 long.
    assertThat(located(result)).isEqualTo("src/functions/describe.yaml@HC4010@4:55");
  }

  @Test
  void aWorkflowOfRoutesWithDifferentTypesNarrowsToAnyTypeOneOfThemAccepts() {
    String events =
        EVENTS
            + "http.post./issues:\n"
            + "  fn: on_github\n"
            + "  authn:\n"
            + "    github: {secret: <% env.SECRET %>}\n"
            + "  github:\n"
            + "    events: [issues]\n";
    String workflow =
        switchOn(HEADER, SHA, AFTER)
                .replace(
                    "    defaults:\n",
                    "      issues:\n        - id: issue\n          fn: com.gs.return\n          args: {n: <% inputs.body.issue.number %>}\n      release:\n        - id: released\n          fn: com.gs.return\n          args: {n: 1}\n    defaults:\n")
            + "  - id: outside\n"
            + "    fn: com.gs.return\n"
            + "    args: {any: <% inputs.body.anything %>}\n";
    CompileResult result = compile(events, workflow);
    // Outside the switch the body is any (two routes, two payload classes), as before; 'release'
    // is accepted by neither route.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC7008@18:7");
    assertThat(result.diagnostics().get(0).message()).contains("the routes running this workflow");
  }

  @Test
  void aRouteWithItsOwnBodyKeepsItInEveryCaseButItsLabelsAreChecked() {
    String events =
        "http.post./github:\n"
            + "  fn: on_github\n"
            + "  authn:\n"
            + "    github: {secret: <% env.SECRET %>}\n"
            + "  github:\n"
            + "    events: [pull_request]\n"
            + "  body:\n"
            + "    content:\n"
            + "      application/json:\n"
            + "        schema: {$ref: 'github#/webhooks/pull-request-opened'}\n";
    CompileResult result = compile(events, switchOn(HEADER, SHA, SHA));
    // The body is pull-request-opened's in both cases; the push case never runs.
    assertThat(located(result)).isEqualTo("src/functions/on_github.yaml@HC7008@10:7");
  }
}
