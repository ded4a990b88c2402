package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads of properties that a body's schema does not declare although it admits others (the JSON
 * Schema default): a Stripe-like project, correct as written, and each test makes one mistake in it
 * and expects exactly one located diagnostic — a warning in a workflow, an error where the value
 * must exist — or, for the explicit bracket form, none.
 */
class UndeclaredPropertyTest {
  private static final String EVENTS =
      """
      http.post./webhooks/stripe:
        summary: Stripe events about invoices
        fn: handleStripeEvent
        authn:
          stripe:
            secret: <% config.stripe.webhook_secret %>
        idempotency:
          key: <% inputs.delivery.id %>
          ttl: 3d
        params:
          - name: limit
            in: query
            schema: {type: integer}
        body:
          content:
            application/json:
              schema:
                type: object
                required: [id, type, data]
                properties:
                  id: {type: string}
                  type: {type: string}
                  data:
                    type: object
                    required: [object]
                    properties:
                      object:
                        type: object
                        required: [id]
                        properties:
                          id: {type: string}
                          amount: {type: integer}
                          metadata: {type: object}
      """;

  private static final String WORKFLOW =
      """
      id: handleStripeEvent
      summary: Records a paid invoice's payment, then answers with its id
      tasks:
        - id: note
          fn: com.gs.log
          args: {level: info, data: "type <% inputs.body.type %>"}
        - id: record
          fn: recordPayment
          args:
            payment: <% inputs.body.data.object.id %>
            amount: <% inputs.body.data.object.amount %>
        - id: answer
          fn: com.gs.return
          args: {code: 200, data: {id: <% inputs.body.data.object.id %>}}
      """;

  private static final String FUNCTION =
      """
      package com.example.hooks.functions;

      import dev.hookc.runtime.workflow.FunctionContext;
      import dev.hookc.runtime.workflow.Status;

      public final class RecordPayment implements RecordPaymentFunction {
        @Override
        public Status apply(RecordPaymentArgs args, FunctionContext context) {
          return Status.ok(null);
        }
      }
      """;

  @TempDir Path dir;

  private CompileResult compile(String events, String workflow) {
    return new TestProject(dir)
        .file("config/default.yaml", "stripe:\n  webhook_secret: whsec_test\n")
        .file("src/events/stripe.yaml", events)
        .file("src/functions/handleStripeEvent.yaml", workflow)
        .file("src/main/java/com/example/hooks/functions/RecordPayment.java", FUNCTION)
        .compile();
  }

  private CompileResult withWorkflow(String from, String to) {
    assertThat(WORKFLOW).contains(from);
    return compile(EVENTS, WORKFLOW.replace(from, to));
  }

  private CompileResult withEvents(String from, String to) {
    assertThat(EVENTS).contains(from);
    return compile(EVENTS.replace(from, to), WORKFLOW);
  }

  private static Diagnostic only(CompileResult result, String brief) {
    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly(brief);
    return result.diagnostics().get(0);
  }

  @Test
  void theProjectAsWrittenBuildsWithoutDiagnostics() {
    assertThat(compile(EVENTS, WORKFLOW).diagnostics()).isEmpty();
  }

  @Test
  void warnsAtAMisspeltPropertyThatALogWouldPrintAsNull() {
    CompileResult result = withWorkflow("inputs.body.type %>", "inputs.body.tpye %>");

    Diagnostic warning = only(result, "HC4030@6:52");
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.location().file()).isEqualTo("src/functions/handleStripeEvent.yaml");
    assertThat(warning.hint())
        .hasValue("did you mean 'type'? if it is meant, read it as inputs.body['tpye']");
    // A warning still builds.
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.sources()).isNotEmpty();
  }

  @Test
  void warnsAtAMisspeltNestedPropertyReadAfterAJavaFunctionRan() {
    CompileResult result =
        withWorkflow(
            "data: {id: <% inputs.body.data.object.id %>",
            "data: {id: <% inputs.body.data.object.idd %>");

    Diagnostic warning = only(result, "HC4030@14:61");
    assertThat(warning.hint())
        .hasValue("did you mean 'id'? if it is meant, read it as inputs.body.data.object['idd']");
  }

  @Test
  void rejectsAnIdempotencyKeyOnAPropertyTheBodyDoesNotDeclare() {
    CompileResult result =
        withEvents("key: <% inputs.delivery.id %>", "key: <% inputs.body.idd %>");

    Diagnostic error = only(result, "HC4032@8:25");
    assertThat(error.severity()).isEqualTo(Severity.ERROR);
    assertThat(error.location().file()).isEqualTo("src/events/stripe.yaml");
    assertThat(error.hint()).hasValue("did you mean 'id'?");
  }

  @Test
  void acceptsAnIdempotencyKeyOnADeclaredNestedProperty() {
    CompileResult result =
        withEvents("key: <% inputs.delivery.id %>", "key: <% inputs.body.data.object.id %>");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void acceptsAnIdempotencyKeyThatReadsAnUndeclaredPropertyByBracket() {
    CompileResult result =
        withEvents("key: <% inputs.delivery.id %>", "key: <% inputs.body['request_id'] %>");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void readsAnUndeclaredPropertyByBracketWithoutADiagnostic() {
    CompileResult result =
        withWorkflow(
            "inputs.body.type %>", "inputs.body['livemode'] %> <% inputs.body['x-extra'].y %>");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsOnlyTheFirstUndeclaredPropertyOfAPath() {
    CompileResult result =
        withWorkflow(
            "inputs.body.data.object.amount %>", "inputs.body.data.objekt.amount.value %>");

    Diagnostic warning = only(result, "HC4030@11:35");
    assertThat(warning.hint())
        .hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'object'?"));
  }

  @Test
  void readsAnyPropertyOfAnObjectWhoseSchemaDeclaresNone() {
    CompileResult result =
        withWorkflow("inputs.body.type %>", "inputs.body.data.object.metadata.order_id %>");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void keepsAnUndeclaredPropertyOfAClosedSchemaAnError() {
    CompileResult result =
        compile(
            EVENTS.replace(
                "required: [id, type, data]",
                "additionalProperties: false\n          required: [id, type, data]"),
            WORKFLOW.replace("inputs.body.type %>", "inputs.body.tpye %>"));

    Diagnostic error = only(result, "HC4009@6:52");
    assertThat(error.hint()).hasValue("did you mean 'type'?");
  }

  @Test
  void warnsAtAnUndeclaredQueryParameterOfARouteThatDeclaresSome() {
    CompileResult result = withWorkflow("inputs.body.type %>", "inputs.query.limt %>");

    Diagnostic warning = only(result, "HC4030@6:53");
    assertThat(warning.hint())
        .hasValue("did you mean 'limit'? if it is meant, read it as inputs.query['limt']");
  }

  @Test
  void rejectsAnHttpCallsPathTemplateOnAPropertyTheBodyDoesNotDeclare() {
    CompileResult result =
        new TestProject(dir)
            .file(
                "src/datasources/stripe.yaml",
                "type: http\nbase_url: https://api.stripe.com\noperations:\n"
                    + "  get./v1/invoices/{id}: {}\n")
            .file("config/default.yaml", "stripe:\n  webhook_secret: whsec_test\n")
            .file("src/events/stripe.yaml", EVENTS)
            .file(
                "src/functions/handleStripeEvent.yaml",
                """
                id: handleStripeEvent
                tasks:
                  - id: invoice
                    fn: datasource.stripe.get./v1/invoices/{id}
                    args:
                      path: {id: <% inputs.body.data.object.idd %>}
                """)
            .compile();

    Diagnostic error = only(result, "HC4032@6:45");
    assertThat(error.hint()).hasValue("did you mean 'id'?");
  }

  @Test
  void rejectsAPropertyThatAProvidersSchemaDoesNotDeclareAndReadsItByBracket() {
    ExprType.PojoType event =
        new ExprType.PojoType(
            com.palantir.javapoet.ClassName.get("t", "Event"),
            java.util.Map.of(
                "type", new ExprType.PojoType.Property("type", ExprType.STRING, "getType")),
            ExprType.Openness.PROVIDER);
    Scope scope =
        new Scope() {
          @Override
          public java.util.Optional<Binding> root(String name) {
            return java.util.Optional.of(
                    new Binding(event, com.palantir.javapoet.CodeBlock.of("event")))
                .filter(b -> name.equals("event"));
          }

          @Override
          public java.util.Set<String> rootNames() {
            return java.util.Set.of("event");
          }

          @Override
          public java.util.Optional<String> whyTaskUnavailable(String name) {
            return java.util.Optional.empty();
          }
        };
    dev.hookc.compiler.diag.Diagnostics diagnostics = new dev.hookc.compiler.diag.Diagnostics();
    var yaml =
        new dev.hookc.compiler.yaml.YamlReader(diagnostics)
            .read("t.yaml", "a: <% event.tpye %>\nb: <% event['livemode'] %>\n")
            .orElseThrow();
    ExpressionCompiler compiler = new ExpressionCompiler(diagnostics);
    compiler.compile(yaml.get("a").orElseThrow(), scope);
    compiler.compile(yaml.get("b").orElseThrow(), scope);

    assertThat(diagnostics.sorted()).extracting(TestProject::brief).containsExactly("HC4031@1:13");
    assertThat(diagnostics.sorted().get(0).hint()).hasValue("did you mean 'type'?");
  }
}
