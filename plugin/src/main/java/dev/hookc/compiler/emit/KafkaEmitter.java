package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits what the application says of Kafka: each kafka event source's and kafka datasource's
 * definition, whose settings the runtime resolves when the application is built.
 */
final class KafkaEmitter {

  private KafkaEmitter() {}

  /**
   * The name of the method defining {@code source}: {@code kafkaEventSource} for the event source
   * "kafka", {@code busKafkaDatasource} for the datasource "bus".
   */
  static String methodName(KafkaSource source) {
    return FunctionNames.lowerCamel(source.name())
        + (source.isDatasource() ? "KafkaDatasource" : "EventSource");
  }

  /** The method defining {@code source}. */
  static MethodSpec method(KafkaSource source) {
    List<CodeBlock> brokers = source.brokers().stream().map(DatasourceEmitter::setting).toList();
    return MethodSpec.methodBuilder(methodName(source))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "Kafka $L {@code $L}, from {@code $L}.\n",
            source.isDatasource() ? "datasource" : "event source",
            source.name(),
            source.file())
        .returns(RuntimeTypes.KAFKA_SOURCE_DEFINITION)
        .addStatement(
            // A datasource is made so, so that the runtime's messages name it as the project does.
            source.isDatasource()
                ? "return $T.datasource(\n$S,\n$T.of($L),\n$L,\n$L)"
                : "return new $T(\n$S,\n$T.of($L),\n$L,\n$L)",
            RuntimeTypes.KAFKA_SOURCE_DEFINITION,
            source.name(),
            List.class,
            CodeBlock.join(brokers, ", "),
            source
                .clientId()
                .map(c -> CodeBlock.of("$T.of($L)", Optional.class, DatasourceEmitter.setting(c)))
                .orElse(CodeBlock.of("$T.empty()", Optional.class)),
            properties(source.properties()))
        .build();
  }

  private static CodeBlock properties(Map<String, DatasourceSetting> properties) {
    if (properties.isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    List<CodeBlock> entries =
        properties.entrySet().stream()
            .map(
                e ->
                    CodeBlock.of(
                        "$T.entry($S, $L)",
                        Map.class,
                        e.getKey(),
                        DatasourceEmitter.setting(e.getValue())))
            .toList();
    return CodeBlock.of("$T.ofEntries(\n$>$L)$<", Map.class, CodeBlock.join(entries, ",\n"));
  }
}
