package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated application records a delivery in a real H2 database in one transaction, reads it
 * back typed, and answers a duplicate (a unique violation its on_error continues) without a 500.
 */
class DatasourceFlowTest {
  @TempDir Path root;

  @Test
  void recordsAPaymentInATransactionAndReadsItBack() throws Exception {
    new TestProject(root)
        .file(
            "src/datasources/db.yaml",
            "type: jdbc\n"
                + "url: jdbc:h2:mem:flow_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1\n"
                + "statements:\n"
                + "  insert: INSERT INTO payments (id, amount) VALUES (:id, :amount)\n"
                + "  find: SELECT id, amount FROM payments WHERE id = :id\n")
        .file(
            "src/datasources/db/V1__payments.sql",
            "CREATE TABLE payments (id VARCHAR(64) PRIMARY KEY, amount NUMERIC(12, 2));\n")
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
                + "            amount: {type: number}\n")
        .file(
            "src/functions/record.yaml",
            "tasks:\n"
                + "  - id: save\n"
                + "    fn: datasource.db.transaction\n"
                + "    tasks:\n"
                + "      - id: insert\n"
                + "        fn: datasource.db.insert\n"
                + "        args: {id: <% inputs.body.id %>, amount: <% inputs.body.amount %>}\n"
                + "        on_error: {continue: true}\n"
                + "      - id: find\n"
                + "        fn: datasource.db.find\n"
                + "        args: {id: <% inputs.body.id %>}\n"
                + "  - id: count\n"
                + "    fn: countPayments\n"
                + "  - id: answer\n"
                + "    fn: com.gs.return\n"
                + "    args:\n"
                + "      amount: <% outputs.find.data[0].amount %>\n"
                + "      inserted: <% outputs.insert.success %>\n"
                + "      count: <% outputs.count.data %>\n")
        .file(
            "src/main/java/com/example/hooks/functions/CountPayments.java",
            "package com.example.hooks.functions;\n"
                + "\n"
                + "import dev.hookc.runtime.datasource.JdbcDatasource;\n"
                + "import dev.hookc.runtime.workflow.FunctionContext;\n"
                + "import java.util.Map;\n"
                + "\n"
                + "public final class CountPayments implements CountPaymentsFunction {\n"
                + "  private final JdbcDatasource db;\n"
                + "\n"
                + "  public CountPayments(JdbcDatasource db) {\n"
                + "    this.db = db;\n"
                + "  }\n"
                + "\n"
                + "  @Override\n"
                + "  public Long apply(CountPaymentsArgs args, FunctionContext context) {\n"
                + "    return (long) db.query(\"find\", Map.of(\"id\", \"pi_1\")).size();\n"
                + "  }\n"
                + "}\n");
    ClassLoader classes = ProjectBuild.build(root, TestProject.PACKAGE);

    try (Application running = ProjectBuild.start(classes, TestProject.PACKAGE)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(running.baseUri() + "/payments"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"pi_1\",\"amount\":12.5}"))
              .build();
      HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> again = client.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("{\"amount\":12.5,\"inserted\":true,\"count\":1}");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo("{\"amount\":12.5,\"inserted\":false,\"count\":1}");
    }
  }
}
