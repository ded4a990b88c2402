package dev.hookc.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.JavaSourceCompiler;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.emit.GeneratedSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of a Java function, generated whether or not its class is written yet. */
class JavaFunctionContractTest {
  private static final String FUNCTIONS = "src/main/java/com/example/hooks/functions/";
  private static final String CALLER =
      "tasks:\n"
          + "  - id: record\n"
          + "    fn: recordTransaction\n"
          + "    args:\n"
          + "      amount: 5\n"
          + "      currency: EUR\n";

  @TempDir Path dir;

  @Test
  void reportsAMissingClassAtTheTasksFnWithTheClassToPaste() {
    CompileResult result = new TestProject(dir).file("src/functions/pay.yaml", CALLER).compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3008@3:9");
    Diagnostic missing = result.diagnostics().get(0);
    assertThat(missing.location().file()).isEqualTo("src/functions/pay.yaml");
    assertThat(missing.hint().orElseThrow())
        .startsWith(
            "for a new Java function, create " + FUNCTIONS + "RecordTransaction.java implementing")
        .contains("package com.example.hooks.functions;\n")
        .contains("import dev.hookc.runtime.workflow.FunctionContext;\n")
        .contains("import dev.hookc.runtime.workflow.Status;\n")
        .contains("public final class RecordTransaction implements RecordTransactionFunction {")
        .contains("return Status.ok(args);");
  }

  @Test
  void generatesTheContractOfAFunctionWhoseClassIsMissing() {
    CompileResult result = new TestProject(dir).file("src/functions/pay.yaml", CALLER).compile();

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.sources())
        .extracting(GeneratedSource::path)
        .containsExactly(
            "com/example/hooks/functions/RecordTransactionArgs.java",
            "com/example/hooks/functions/RecordTransactionFunction.java");
  }

  @Test
  void theClassToPasteCompilesAgainstTheGeneratedContract() {
    CompileResult result = new TestProject(dir).file("src/functions/pay.yaml", CALLER).compile();
    String hint = result.diagnostics().get(0).hint().orElseThrow();
    String skeleton = hint.substring(hint.indexOf("package "));

    Map<String, String> sources = new HashMap<>();
    result.sources().forEach(s -> sources.put(s.path(), s.content()));
    sources.put("com/example/hooks/functions/RecordTransaction.java", skeleton);

    assertThat(JavaSourceCompiler.compile(sources)).isNotNull();
  }

  @Test
  void generatesNothingWhenAnotherErrorIsReportedToo() {
    CompileResult result =
        new TestProject(dir)
            .file("src/functions/pay.yaml", CALLER + "  - id: again\n    fn: com.gs.retrun\n")
            .file("src/functions/bad.yaml", "tasks:\n  - just text\n")
            .compile();

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .contains("HC3008@3:9", "HC3010@2:5");
    assertThat(result.sources()).isEmpty();
  }

  @Test
  void suggestsAJavaFunctionClassForAMisspeltName() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FUNCTIONS + "RecordTransaction.java",
                "package com.example.hooks.functions;\n\n"
                    + "public final class RecordTransaction implements RecordTransactionFunction {"
                    + "}\n")
            .file("src/functions/pay.yaml", CALLER.replace("recordTransaction", "recordTransacton"))
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3008@3:9");
    assertThat(result.diagnostics().get(0).hint().orElseThrow())
        .startsWith("did you mean 'recordTransaction'? Otherwise, for a new Java function, create");
  }

  @Test
  void suggestsAJavaFunctionInASubpackageByItsDottedName() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FUNCTIONS + "payments/Refund.java",
                "package com.example.hooks.functions.payments;\n\n"
                    + "public final class Refund {\n"
                    + "  public Object apply(RefundArgs args, Object context) { return null; }\n"
                    + "}\n")
            .file("src/functions/pay.yaml", CALLER.replace("recordTransaction", "payment.refund"))
            .compile();

    assertThat(result.diagnostics().get(0).hint().orElseThrow())
        .startsWith("did you mean 'payments.refund'?");
  }

  @Test
  void doesNotSuggestAHelperClassThatIsNoFunction() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FUNCTIONS + "PaymentStore.java",
                "package com.example.hooks.functions;\n\nfinal class PaymentStore {}\n")
            .file("src/functions/pay.yaml", CALLER.replace("recordTransaction", "paymentStor"))
            .compile();

    assertThat(result.diagnostics().get(0).hint().orElseThrow())
        .startsWith("for a new Java function");
  }

  private static final String PAYMENT_FUNCTION =
      "package com.example.hooks.functions;\n\n"
          + "import dev.hookc.runtime.workflow.FunctionContext;\n\n"
          + "public final class RecordTransaction implements RecordTransactionFunction {\n"
          + "  public record Payment(String transactionId, boolean created) {}\n\n"
          + "  @Override\n"
          + "  public Payment apply(RecordTransactionArgs args, FunctionContext context) {\n"
          + "    return new Payment(\"t\", true);\n"
          + "  }\n"
          + "}\n";

  private static final String READER =
      CALLER
          + "  - id: answer\n"
          + "    fn: com.gs.return\n"
          + "    args:\n"
          + "      id: <% outputs.record.data.transaction_id %>\n";

  @Test
  void reportsAFieldTheDeclaredRecordDoesNotHaveAtItsColumn() {
    CompileResult result =
        new TestProject(dir)
            .file(FUNCTIONS + "RecordTransaction.java", PAYMENT_FUNCTION)
            .file("src/functions/pay.yaml", READER)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC4020@10:34");
    Diagnostic unknown = result.diagnostics().get(0);
    assertThat(unknown.location().file()).isEqualTo("src/functions/pay.yaml");
    assertThat(unknown.message())
        .isEqualTo(
            "record Payment, which Java function 'recordTransaction' returns, has no field"
                + " 'transaction_id'");
    assertThat(unknown.hint()).hasValue("did you mean 'transactionId'?");
  }

  @Test
  void readsAnyFieldOfARecordThatJacksonAnnotationsMayReshape() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FUNCTIONS + "RecordTransaction.java",
                PAYMENT_FUNCTION
                    .replace(
                        "public record Payment(String transactionId",
                        "public record Payment(@JsonProperty(\"transaction_id\") String"
                            + " transactionId")
                    .replace(
                        "import dev.hookc",
                        "import com.fasterxml.jackson.annotation.JsonProperty;\nimport dev.hookc"))
            .file("src/functions/pay.yaml", READER)
            .compile();

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void readsAnyFieldOfAResultDeclaredAsAMap() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FUNCTIONS + "RecordTransaction.java",
                PAYMENT_FUNCTION
                    .replace("public Payment apply", "public java.util.Map<String, Object> apply")
                    .replace("new Payment(\"t\", true)", "java.util.Map.of()"))
            .file("src/functions/pay.yaml", READER)
            .compile();

    assertThat(result.diagnostics()).isEmpty();
  }

  private static String functionWith(String constructors) {
    return "package com.example.hooks.functions;\n"
        + "\n"
        + "import com.fasterxml.jackson.databind.JsonNode;\n"
        + "import dev.hookc.runtime.workflow.FunctionContext;\n"
        + "import dev.hookc.runtime.workflow.Status;\n"
        + "import java.net.http.HttpClient;\n"
        + "import java.time.Clock;\n"
        + "import javax.sql.DataSource;\n"
        + "\n"
        + "public final class RecordTransaction implements RecordTransactionFunction {\n"
        + constructors
        + "\n"
        + "  @Override\n"
        + "  public Status apply(RecordTransactionArgs args, FunctionContext context) {\n"
        + "    return Status.ok(null);\n"
        + "  }\n"
        + "}\n";
  }

  private CompileResult compileWith(String constructors) {
    return new TestProject(dir)
        .file(FUNCTIONS + "RecordTransaction.java", functionWith(constructors))
        .file("src/functions/pay.yaml", CALLER)
        .compile();
  }

  @Test
  void acceptsAConstructorTakingWhatHookcInjects() {
    CompileResult result =
        compileWith(
            "  public RecordTransaction(DataSource db, HttpClient http, Clock clock,\n"
                + "      System.Logger log, JsonNode config) {}\n");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void reportsAConstructorParameterHookcCannotInjectAtItsTypeInTheJavaFile() {
    CompileResult result =
        compileWith("  public RecordTransaction(Clock clock,\n      String currency) {}\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3803@12:7");
    Diagnostic parameter = result.diagnostics().get(0);
    assertThat(parameter.location().file()).isEqualTo(FUNCTIONS + "RecordTransaction.java");
    assertThat(parameter.message())
        .isEqualTo("hookc cannot inject String 'currency' into RecordTransaction");
    assertThat(parameter.hint().orElseThrow()).contains("javax.sql.DataSource");
  }

  @Test
  void reportsASecondPublicConstructorAtItsName() {
    CompileResult result =
        compileWith(
            "  public RecordTransaction() {}\n\n  public RecordTransaction(Clock clock) {}\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3802@13:10");
    assertThat(result.diagnostics().get(0).location().file())
        .isEqualTo(FUNCTIONS + "RecordTransaction.java");
  }

  @Test
  void reportsAClassWhoseConstructorsAreAllPrivateAtItsName() {
    CompileResult result = compileWith("  private RecordTransaction() {}\n");

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3802@10:20");
  }

  @Test
  void aConstructorDeclaringACheckedExceptionCompilesInTheGeneratedWorkflow() {
    CompileResult result =
        compileWith(
            "  public RecordTransaction(DataSource db)\n"
                + "      throws java.sql.SQLException, IllegalStateException {}\n");

    assertThat(result.diagnostics()).isEmpty();
    Map<String, String> sources = new HashMap<>();
    result.sources().forEach(s -> sources.put(s.path(), s.content()));
    sources.put(
        "com/example/hooks/functions/RecordTransaction.java",
        functionWith(
            "  public RecordTransaction(DataSource db)\n"
                + "      throws java.sql.SQLException, IllegalStateException {}\n"));
    assertThat(JavaSourceCompiler.compile(sources)).isNotNull();
  }
}
