package dev.hookc.compiler.cache;

import dev.hookc.compiler.check.CheckCode;
import dev.hookc.compiler.check.FlowCode;
import dev.hookc.compiler.contract.ContractCode;
import dev.hookc.compiler.datasource.DatasourceCode;
import dev.hookc.compiler.delivery.DeliveryCode;
import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.expr.ExprCode;
import dev.hookc.compiler.kafka.ForwardCode;
import dev.hookc.compiler.kafka.KafkaCode;
import dev.hookc.compiler.kafka.PublishCode;
import dev.hookc.compiler.load.LoadCode;
import dev.hookc.compiler.provider.ProviderCode;
import dev.hookc.compiler.schema.SchemaCode;
import dev.hookc.compiler.security.SecurityCode;
import dev.hookc.compiler.yaml.YamlCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every diagnostic code by its id, so that a remembered diagnostic is replayed with the code it was
 * reported with. A code this list lacks cannot be replayed, which only costs a full build.
 */
public final class DiagnosticCodes {
  /** Every stage's codes; {@code DiagnosticCodesTest} fails when a stage's enum is missing. */
  public static final List<Class<? extends Enum<? extends DiagnosticCode>>> ALL =
      List.of(
          YamlCode.class,
          LoadCode.class,
          ContractCode.class,
          SecurityCode.class,
          CheckCode.class,
          FlowCode.class,
          ExprCode.class,
          SchemaCode.class,
          DatasourceCode.class,
          ProviderCode.class,
          DeliveryCode.class,
          KafkaCode.class,
          ForwardCode.class,
          PublishCode.class);

  private static final Map<String, DiagnosticCode> BY_ID = byId();

  private DiagnosticCodes() {}

  /** The code printed as {@code id}, such as {@code HC3616}. */
  public static Optional<DiagnosticCode> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  private static Map<String, DiagnosticCode> byId() {
    Map<String, DiagnosticCode> codes = new HashMap<>();
    for (Class<? extends Enum<? extends DiagnosticCode>> type : ALL) {
      for (Enum<? extends DiagnosticCode> constant : type.getEnumConstants()) {
        DiagnosticCode code = (DiagnosticCode) constant;
        codes.put(code.id(), code);
      }
    }
    return Map.copyOf(codes);
  }
}
