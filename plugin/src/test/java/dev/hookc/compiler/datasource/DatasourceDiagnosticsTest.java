package dev.hookc.compiler.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake in a datasource or a task calling one is reported at its line and column: the
 * statements are checked on H2 against the datasource's migrations.
 */
class DatasourceDiagnosticsTest {
  private static final String MIGRATION =
      "CREATE TABLE payments (\n"
          + "  id VARCHAR(64) PRIMARY KEY,\n"
          + "  status TEXT NOT NULL,\n"
          + "  amount NUMERIC(12, 2) NOT NULL,\n"
          + "  attempts INTEGER,\n"
          + "  paid BOOLEAN\n"
          + ");\n";

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project =
        new TestProject(root)
            .file("src/datasources/db/V1__create_payments.sql", MIGRATION)
            .file(
                "src/events/payments.yaml",
                "http.post./payments:\n"
                    + "  fn: record\n"
                    + "  body:\n"
                    + "    content:\n"
                    + "      application/json:\n"
                    + "        schema:\n"
                    + "          type: object\n"
                    + "          properties:\n"
                    + "            id: {type: string}\n"
                    + "            amount: {type: integer}\n"
                    + "            note: {type: object}\n");
  }

  private TestProject datasource(String statements) {
    return project.file(
        "src/datasources/db.yaml", "type: jdbc\ndialect: postgresql\nstatements:\n" + statements);
  }

  private TestProject workflow(String tasks) {
    return project.file("src/functions/record.yaml", "tasks:\n" + tasks);
  }

  @Test
  void acceptsAProjectWhoseStatementsMatchTheMigrations() {
    datasource(
        "  insert: INSERT INTO payments (id, status, amount) VALUES (:id, :status, :amount)\n"
            + "  find: SELECT id, amount FROM payments WHERE id = :id\n");
    workflow(
        "  - id: save\n"
            + "    fn: datasource.db.insert\n"
            + "    args: {id: <% inputs.body.id %>, status: paid, amount: <% inputs.body.amount %>}\n"
            + "  - id: find\n"
            + "    fn: datasource.db.find\n"
            + "    args: {id: <% inputs.body.id %>}\n"
            + "  - id: answer\n"
            + "    fn: com.gs.return\n"
            + "    args: <% outputs.find.data[0].amount %>\n");

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void reportsAnUnknownTableAtItsNameInTheStatement() {
    datasource("  find: SELECT id FROM paymnts WHERE id = :id\n");
    workflow("  - id: find\n    fn: datasource.db.find\n    args: {id: x}\n");

    assertThat(project.codes()).containsExactly("HC6009@4:24");
  }

  @Test
  void reportsAnUnknownColumnInsideABlockScalar() {
    datasource("  find: |\n    SELECT id,\n      amout FROM payments WHERE id = :id\n");
    workflow("  - id: find\n    fn: datasource.db.find\n    args: {id: x}\n");

    assertThat(project.codes()).containsExactly("HC6009@6:7");
  }

  @Test
  void reportsAPlaceholderStatementAtTheQuestionMark() {
    datasource("  find: SELECT id FROM payments WHERE id = ?\n");
    workflow("  - id: find\n    fn: datasource.db.find\n");

    assertThat(project.codes()).containsExactly("HC6008@4:44");
  }

  @Test
  void reportsAMissingAndAnExtraParameter() {
    datasource("  find: SELECT id FROM payments WHERE id = :id AND status = :status\n");
    workflow("  - id: find\n    fn: datasource.db.find\n    args:\n      id: x\n      stauts: y\n");

    assertThat(project.codes()).containsExactly("HC6103@5:7", "HC6104@6:7");
  }

  @Test
  void reportsAnArgWhoseTypeItsColumnCannotTake() {
    datasource("  bump: UPDATE payments SET attempts = :attempts, paid = :paid WHERE id = :id\n");
    workflow(
        "  - id: bump\n"
            + "    fn: datasource.db.bump\n"
            + "    args:\n"
            + "      attempts: <% inputs.body.id %>\n"
            + "      paid: 1\n"
            + "      id: <% [inputs.body.id] %>\n");

    assertThat(project.codes()).containsExactly("HC6105@5:17", "HC6105@6:13", "HC6105@7:11");
  }

  @Test
  void reportsAMisspeltResultColumnWithTheColumnsSpelling() {
    datasource("  find: SELECT id, amount FROM payments WHERE id = :id\n");
    workflow(
        "  - id: find\n"
            + "    fn: datasource.db.find\n"
            + "    args: {id: x}\n"
            + "  - id: answer\n"
            + "    fn: com.gs.return\n"
            + "    args: <% outputs.find.data[0].amountt %>\n");

    assertThat(project.codes()).containsExactly("HC4009@7:35");
  }

  @Test
  void reportsAnUnknownDatasourceAndStatementAtTheirNames() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    workflow(
        "  - id: one\n"
            + "    fn: datasource.dbb.find\n"
            + "  - id: two\n"
            + "    fn: datasource.db.fnd\n");

    assertThat(project.codes()).containsExactly("HC6101@3:20", "HC6102@5:23");
  }

  @Test
  void reportsAFailingMigrationAtItsLineAndABadMigrationName() {
    project
        .file("src/datasources/db/V2__add.sql", "ALTER TABLE payments\n  ADD COLUMN x NOTATYPE;\n")
        .file("src/datasources/db/2__bad.sql", "SELECT 1;\n");
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    workflow("  - id: find\n    fn: datasource.db.find\n    args: {id: x}\n");

    assertThat(project.compile().diagnostics())
        .extracting(d -> d.location().file() + ":" + TestProject.brief(d))
        .containsExactly(
            "src/datasources/db/2__bad.sql:HC6005@1:1",
            "src/datasources/db/V2__add.sql:HC6007@2:16");
  }

  @Test
  void reportsUnknownKeysWithTheirLikelySpelling() {
    project.file(
        "src/datasources/db.yaml", "type: jdbc\npool: {max_sise: 3}\nstatments:\n  a: SELECT 1\n");
    workflow("  - id: a\n    fn: com.gs.return\n    args: 1\n");

    assertThat(project.codes()).containsExactly("HC6002@2:8", "HC6002@3:1");
  }

  @Test
  void reportsATransactionHoldingAParallelTask() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    workflow(
        "  - id: save\n"
            + "    fn: datasource.db.transaction\n"
            + "    tasks:\n"
            + "      - id: both\n"
            + "        fn: com.gs.parallel\n"
            + "        tasks:\n"
            + "          - id: find\n"
            + "            fn: datasource.db.find\n"
            + "            args: {id: x}\n");

    assertThat(project.codes()).containsExactly("HC6108@5:9");
  }

  @Test
  void reportsAJavaFunctionsDatasourceParameterThatNamesNoneOfSeveral() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    project
        .file("src/datasources/audit.yaml", "type: jdbc\n")
        .file(
            "src/main/java/com/example/hooks/functions/Count.java",
            "package com.example.hooks.functions;\n"
                + "\n"
                + "import dev.hookc.runtime.datasource.JdbcDatasource;\n"
                + "\n"
                + "public final class Count {\n"
                + "  public Count(JdbcDatasource database) {}\n"
                + "}\n");
    workflow("  - id: count\n    fn: count\n");

    assertThat(project.codes()).containsExactly("HC3803@6:16");
  }

  @Test
  void reportsAStoreOnADatasourceThatIsNotAJdbcOne() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    workflow("  - id: find\n    fn: datasource.db.find\n    args: {id: x}\n");
    project.file("src/eventsources/http.yaml", "store:\n  datasource: dbb\n");

    assertThat(project.codes()).containsExactly("HC6109@2:15");
  }

  @Test
  void checksAnHttpCallsPathTemplatesArgsAndTypedResponse() {
    project.file(
        "src/datasources/stripe.yaml",
        "type: http\n"
            + "base_url: <% config.stripe.url %>\n"
            + "retry: {max_attempts: 3, interval: PT1S, type: exponentail}\n"
            + "operations:\n"
            + "  get./v1/intents/{id}:\n"
            + "    response:\n"
            + "      type: object\n"
            + "      additionalProperties: false\n"
            + "      properties: {status: {type: string}}\n");
    workflow(
        "  - id: get\n"
            + "    fn: datasource.stripe.get./v1/intents/{id}\n"
            + "    args:\n"
            + "      path: {intent: x}\n"
            + "      body: {}\n"
            + "  - id: answer\n"
            + "    fn: com.gs.return\n"
            + "    args: <% outputs.get.data.statsu %>\n");

    assertThat(project.compile().diagnostics())
        .extracting(d -> d.location().file() + ":" + TestProject.brief(d))
        .containsExactly(
            "src/datasources/stripe.yaml:HC6003@3:48",
            "src/functions/record.yaml:HC6107@5:13",
            "src/functions/record.yaml:HC6107@5:14",
            "src/functions/record.yaml:HC6106@6:7",
            "src/functions/record.yaml:HC4009@9:31");
  }

  @Test
  void acceptsEachJdbcDatasourcesTypedStatementsWhateverTheParameterIsNamed() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    project
        .file("src/datasources/audit.yaml", "type: jdbc\n")
        .file(
            "src/main/java/com/example/hooks/functions/Count.java",
            "package com.example.hooks.functions;\n"
                + "\n"
                + "import com.example.hooks.datasources.AuditStatements;\n"
                + "import com.example.hooks.datasources.DbStatements;\n"
                + "\n"
                + "public final class Count {\n"
                + "  public Count(DbStatements payments, AuditStatements log) {}\n"
                + "}\n");
    workflow("  - id: count\n    fn: count\n");

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void reportsATypedStatementsParameterOfNoJdbcDatasource() {
    datasource("  find: SELECT id FROM payments WHERE id = :id\n");
    project
        .file("src/datasources/stripe.yaml", "type: http\nbase_url: https://api.example\n")
        .file(
            "src/main/java/com/example/hooks/functions/Count.java",
            "package com.example.hooks.functions;\n"
                + "\n"
                + "import com.example.hooks.datasources.DbStatement;\n"
                + "import com.example.hooks.datasources.StripeStatements;\n"
                + "\n"
                + "public final class Count {\n"
                + "  public Count(DbStatement db,\n"
                + "      StripeStatements stripe) {}\n"
                + "}\n");
    workflow("  - id: count\n    fn: count\n");

    assertThat(project.codes()).containsExactly("HC3803@7:16", "HC3803@8:7");
  }
}
