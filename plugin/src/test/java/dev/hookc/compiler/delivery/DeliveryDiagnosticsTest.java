package dev.hookc.compiler.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery-guarantee warnings (HC8001–HC8003), each firing where it should and not where the
 * project is right, by code, line and column.
 */
class DeliveryDiagnosticsTest {
  private static final String PAYMENTS =
      "CREATE TABLE payments (\n  id VARCHAR(64) PRIMARY KEY,\n  status TEXT NOT NULL\n);\n";
  private static final String STATEMENTS =
      "type: jdbc\ndialect: postgresql\nstatements:\n"
          + "  record: INSERT INTO payments (id, status) VALUES (:id, :status)\n"
          + "  find: SELECT id, status FROM payments WHERE id = :id\n";
  private static final String ASYNC_SHIPMENTS =
      "http.post./shipments:\n" // 1
          + "  fn: ship\n" // 2
          + "  delivery: async\n" // 3
          + "  authn:\n" // 4
          + "    standard-webhooks:\n" // 5
          + "      secret: <% config.s %>\n" // 6
          + "  idempotency:\n" // 7
          + "    key: <% inputs.delivery.id %>\n"; // 8

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/datasources/db/V1__create_payments.sql", PAYMENTS)
            .file("src/datasources/db.yaml", STATEMENTS)
            .javaFunction("Notify");
  }

  private TestProject events(String yaml) {
    return project.file("src/events/hooks.yaml", yaml);
  }

  private TestProject workflow(String id, String tasks) {
    return project.file("src/functions/" + id + ".yaml", "id: " + id + "\ntasks:\n" + tasks);
  }

  private static final String RESPOND = "  - id: respond\n    args: {statusCode: 200}\n";

  @Test
  void warnsOnATtlShorterThanStripesRetryWindow() {
    events(
        "http.post./stripe:\n  fn: ack\n  authn:\n    stripe:\n      secret: <% config.s %>\n"
            + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 24h\n");
    workflow("ack", RESPOND);

    CompileResult result = project.compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC8001@8:10");
    Diagnostic warning = result.diagnostics().get(0);
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.message())
        .startsWith("ttl 24h is shorter than Stripe's retry window of 3d")
        .endsWith("a redelivery after 24h runs the workflow again");
    assertThat(warning.hint()).hasValue("write 'ttl: 3d' (or longer) under 'idempotency'");
  }

  @Test
  void locatesTheDefaultTtlOnIdempotencyWhenNoTtlIsWritten() {
    events(
        "http.post./orders:\n  fn: ack\n  authn:\n    standard-webhooks:\n"
            + "      secret: <% config.s %>\n  idempotency:\n    key: <% inputs.delivery.id %>\n");
    workflow("ack", RESPOND);

    CompileResult result = project.compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC8001@6:3");
    assertThat(result.diagnostics().get(0).message())
        .startsWith(
            "the default ttl 24h is shorter than the Standard Webhooks sender's retry window of"
                + " 27h35m5s");
    assertThat(result.diagnostics().get(0).hint())
        .hasValue("add 'ttl: 28h' (or longer) under 'idempotency'");
  }

  @Test
  void acceptsTtlsThatCoverTheWindowAndSchemesWithoutAKnownOne() {
    events(
        "http.post./stripe:\n  fn: ack\n  authn:\n    stripe:\n      secret: <% config.s %>\n"
            + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 3d\n"
            + "http.post./github:\n  fn: ack\n  authn:\n    github:\n      secret: <% config.s %>\n"
            + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 72h\n"
            + "http.post./shopify:\n  fn: ack\n  authn:\n    hmac:\n      secret: <% config.s %>\n"
            + "      header: X-Sig\n      id_header: X-Id\n"
            + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 1h\n"
            // An async route deduplicates in its inbox, which keeps keys 7 days: ttl is not used.
            + "http.post./later:\n  fn: ack\n  delivery: async\n  authn:\n    stripe:\n"
            + "      secret: <% config.s %>\n  idempotency:\n    key: <% inputs.delivery.id %>\n"
            + "    ttl: 1h\n");
    workflow("ack", RESPOND);

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void warnsOnAnAsyncTtlLongerThanTheInboxKeepsKeys() {
    events(ASYNC_SHIPMENTS + "    ttl: 30d\n");
    workflow("ship", RESPOND);

    CompileResult result = project.compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC8002@9:10");
    assertThat(result.diagnostics().get(0).message())
        .startsWith("ttl 30d is longer than this async route keeps a delivery's key")
        .contains("up to 15s");
  }

  @Test
  void acceptsAnAsyncTtlWithinTheInboxRetention() {
    events(ASYNC_SHIPMENTS + "    ttl: 7d\n");
    workflow("ship", RESPOND);

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void warnsOnEffectsThatAnAsyncRouteRunsWithoutTheKey() {
    events(ASYNC_SHIPMENTS);
    workflow(
        "ship",
        "  - id: notify\n" // 3
            + "    fn: Notify\n" // 4
            + "    args: {shipment: <% inputs.body.shipment %>}\n"
            + "  - id: record\n" // 6
            + "    fn: datasource.db.record\n" // 7
            + "    args: {id: <% inputs.body.shipment %>, status: shipped}\n"
            + "  - id: find\n"
            + "    fn: datasource.db.find\n"
            + "    args: {id: <% inputs.body.shipment %>}\n"
            + RESPOND);

    CompileResult result = project.compile();

    assertThat(result.diagnostics())
        .extracting(d -> d.location().file() + ":" + TestProject.brief(d))
        .containsExactly(
            "src/functions/ship.yaml:HC8003@4:9", "src/functions/ship.yaml:HC8003@7:9");
    assertThat(result.diagnostics().get(0).message())
        .startsWith(
            "the Java function 'Notify' can run more than once for one delivery of POST"
                + " /shipments (delivery: async");
  }

  @Test
  void acceptsEffectsThatReceiveTheKeyOrAResultMadeFromIt() {
    events(ASYNC_SHIPMENTS);
    workflow(
        "ship",
        "  - id: notify\n"
            + "    fn: Notify\n"
            + "    args:\n      delivery: <% inputs.headers['Webhook-Id'] %>\n"
            + "  - id: record\n"
            + "    fn: datasource.db.record\n"
            + "    args:\n      id: <% 'ship-' + inputs.delivery.id %>\n      status: shipped\n"
            + "  - id: again\n"
            + "    fn: Notify\n"
            + "    args: {row: <% record.data.count %>}\n"
            + RESPOND);

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void followsTheKeyIntoCalledWorkflowsThroughTheirArgs() {
    events(ASYNC_SHIPMENTS);
    workflow(
        "ship",
        "  - id: keyed\n    fn: store\n    args: {body: {ref: <% inputs.delivery.id %>}}\n"
            + "  - id: unkeyed\n    fn: store\n    args: {body: {ref: <% inputs.body.x %>}}\n"
            + RESPOND);
    workflow(
        "store",
        "  - id: record\n" // 3
            + "    fn: datasource.db.record\n" // 4
            + "    args: {id: <% inputs.body.ref %>, status: stored}\n");

    assertThat(project.compile().diagnostics())
        .extracting(d -> d.location().file() + ":" + TestProject.brief(d))
        .containsExactly("src/functions/store.yaml:HC8003@4:9");
  }

  @Test
  void warnsOnASynchronousRouteWithoutIdempotencyWhoseSenderRetries() {
    events("http.post./github:\n  fn: push\n  authn:\n    github:\n      secret: <% config.s %>\n");
    workflow("push", "  - id: notify\n    fn: Notify\n    args: {n: 1}\n" + RESPOND);

    assertThat(project.codes()).containsExactly("HC8003@4:9");
  }

  @Test
  void leavesRoutesAloneThatRunOncePerKeyOrHaveNoSenderToRetry() {
    events(
        // Idempotent: a repeat within the ttl gets the first outcome.
        "http.post./stripe:\n  fn: push\n  authn:\n    stripe:\n      secret: <% config.s %>\n"
            + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 3d\n"
            // Public, or a JWT API: its client sees each outcome.
            + "http.post./api:\n  fn: push\n  authn: false\n");
    workflow(
        "push",
        "  - id: notify\n    fn: Notify\n    args: {n: 1}\n"
            + "  - id: call\n    fn: datasource.db.record\n    args: {id: x, status: y}\n"
            + RESPOND);

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void readsStatementsThatWriteAndStatementsThatOnlyRead() {
    assertThat(TaskEffects.writes("SELECT * FROM t")).isFalse();
    assertThat(TaskEffects.writes("  -- the payments\n  select id from t for update")).isFalse();
    assertThat(TaskEffects.writes("WITH x AS (SELECT 1) SELECT * FROM x")).isFalse();
    assertThat(TaskEffects.writes("WITH x AS (DELETE FROM t RETURNING id) SELECT * FROM x"))
        .isTrue();
    assertThat(TaskEffects.writes("INSERT INTO t VALUES (1) RETURNING id")).isTrue();
    assertThat(TaskEffects.writes("/* upsert */ MERGE INTO t USING s ON (t.id = s.id)")).isTrue();
  }
}
