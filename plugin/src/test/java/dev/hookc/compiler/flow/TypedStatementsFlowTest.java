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
 * A Java function whose constructor takes the generated {@code DbStatements} records a payment and
 * reads it back, typed, in one transaction on a real H2 database, through the application over real
 * HTTP.
 */
class TypedStatementsFlowTest {
  @TempDir Path root;

  @Test
  void javaFunctionRecordsAndReadsBackARowThroughTypedStatements() throws Exception {
    new TestProject(root)
        .file(
            "src/datasources/db.yaml",
            "type: jdbc\n"
                + "url: jdbc:h2:mem:typed_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1\n"
                + "statements:\n"
                + "  record_payment: |\n"
                + "    INSERT INTO payments (id, amount, attempts, captured, seen_at)\n"
                + "    VALUES (:id, :amount, :attempts, :captured, :seen_at)\n"
                + "  find_payment: |\n"
                + "    SELECT id, amount, attempts, captured, seen_at, note\n"
                + "    FROM payments WHERE id = :id\n")
        .file(
            "src/datasources/db/V1__payments.sql",
            "CREATE TABLE payments (id VARCHAR(64) PRIMARY KEY, amount NUMERIC(12, 2),\n"
                + "  attempts INTEGER, captured BOOLEAN, seen_at TIMESTAMP, note TEXT);\n")
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
                + "            id: {type: string}\n")
        .file(
            "src/functions/record.yaml",
            "tasks:\n"
                + "  - id: save\n"
                + "    fn: savePayment\n"
                + "    args: {id: <% inputs.body.id %>}\n")
        .file(
            "src/main/java/com/example/hooks/functions/SavePayment.java",
            "package com.example.hooks.functions;\n"
                + "\n"
                + "import com.example.hooks.datasources.DbStatements;\n"
                + "import dev.hookc.runtime.workflow.FunctionContext;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.util.Map;\n"
                + "\n"
                + "public final class SavePayment implements SavePaymentFunction {\n"
                + "  private final DbStatements db;\n"
                + "\n"
                + "  public SavePayment(DbStatements db) {\n"
                + "    this.db = db;\n"
                + "  }\n"
                + "\n"
                + "  @Override\n"
                + "  public Map<String, Object> apply(SavePaymentArgs args, FunctionContext c) {\n"
                + "    return db.inTransaction(\n"
                + "        () -> {\n"
                + "          int recorded = db.recordPayment(\n"
                + "              args.id(), new BigDecimal(\"12.50\"), 3L, true,\n"
                + "              \"2026-01-02T03:04:05\");\n"
                + "          DbStatements.FindPaymentRow row = db.findPayment(args.id()).get(0);\n"
                + "          BigDecimal amount = row.amount();\n"
                + "          Long attempts = row.attempts();\n"
                + "          Boolean captured = row.captured();\n"
                + "          String seenAt = row.seenAt();\n"
                + "          return Map.of(\n"
                + "              \"recorded\", recorded, \"amount\", amount.toPlainString(),\n"
                + "              \"attempts\", attempts, \"captured\", captured,\n"
                + "              \"seenAt\", seenAt, \"note\", String.valueOf(row.note()));\n"
                + "        });\n"
                + "  }\n"
                + "}\n");
    ClassLoader classes = ProjectBuild.build(root, TestProject.PACKAGE);

    try (Application running = ProjectBuild.start(classes, TestProject.PACKAGE)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(running.baseUri() + "/payments"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"pi_1\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"recorded\":1")
          .contains("\"amount\":\"12.50\"")
          .contains("\"attempts\":3")
          .contains("\"captured\":true")
          .contains("\"seenAt\":\"2026-01-02T03:04:05\"")
          .contains("\"note\":\"null\"");
    }
  }
}
