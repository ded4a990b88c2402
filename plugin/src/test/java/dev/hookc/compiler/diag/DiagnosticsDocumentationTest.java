package dev.hookc.compiler.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.check.CheckCode;
import dev.hookc.compiler.check.FlowCode;
import dev.hookc.compiler.contract.ContractCode;
import dev.hookc.compiler.datasource.DatasourceCode;
import dev.hookc.compiler.delivery.DeliveryCode;
import dev.hookc.compiler.expr.ExprCode;
import dev.hookc.compiler.kafka.KafkaCode;
import dev.hookc.compiler.kafka.PublishCode;
import dev.hookc.compiler.load.LoadCode;
import dev.hookc.compiler.schema.SchemaCode;
import dev.hookc.compiler.security.SecurityCode;
import dev.hookc.compiler.yaml.YamlCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every diagnostic code is unique, well-formed and documented in docs/diagnostics.md. */
class DiagnosticsDocumentationTest {
  /** Every stage's codes; a new stage's enum belongs here. */
  static final List<Class<? extends Enum<? extends DiagnosticCode>>> STAGES =
      List.of(
          YamlCode.class,
          LoadCode.class,
          SecurityCode.class,
          ContractCode.class,
          CheckCode.class,
          FlowCode.class,
          ExprCode.class,
          SchemaCode.class,
          DatasourceCode.class,
          DeliveryCode.class,
          KafkaCode.class,
          PublishCode.class);

  private static List<DiagnosticCode> allCodes() {
    List<DiagnosticCode> codes = new ArrayList<>();
    for (Class<? extends Enum<? extends DiagnosticCode>> stage : STAGES) {
      Arrays.stream(stage.getEnumConstants()).map(c -> (DiagnosticCode) c).forEach(codes::add);
    }
    return codes;
  }

  @Test
  void everyCodeIsUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (DiagnosticCode code : allCodes()) {
      assertThat(code.id()).matches("HC[1-9]\\d{3}");
      assertThat(seen.add(code.id())).as("%s is used twice", code.id()).isTrue();
      assertThat(code.summary()).isNotBlank();
    }
  }

  @Test
  void everyCodeIsDocumentedWithAnExample() throws Exception {
    String docs = Files.readString(Path.of("../docs/diagnostics.md"), StandardCharsets.UTF_8);
    for (DiagnosticCode code : allCodes()) {
      assertThat(docs)
          .as("docs/diagnostics.md documents %s", code.id())
          .contains("### " + code.id() + "\n");
    }
  }
}
