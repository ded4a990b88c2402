package dev.hookc.compiler.check;

import dev.hookc.compiler.datasource.DatasourceCode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.kafka.PublishCode;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.KafkaSource;
import java.util.Map;

/**
 * Checks that a task's {@code fn: datasource.<name>.<operation>} names a datasource of {@code
 * src/datasources} and a statement, the transaction or an http call of it.
 */
final class DatasourceFnChecker {
  private final Diagnostics diagnostics;
  private final FunctionTable functions;

  DatasourceFnChecker(Diagnostics diagnostics, FunctionTable functions) {
    this.diagnostics = diagnostics;
    this.functions = functions;
  }

  void check(FnRef fn) {
    if (functions.resolve(fn.name()).isPresent()) {
      return;
    }
    String rest = fn.name().substring(FunctionTable.DATASOURCE_PREFIX.length());
    int dot = rest.indexOf('.');
    String name = dot < 0 ? rest : rest.substring(0, dot);
    int nameOffset = FunctionTable.DATASOURCE_PREFIX.length();
    Map<String, Datasource> datasources = functions.datasources();
    Datasource datasource = datasources.get(name);
    String operation = dot < 0 ? "" : rest.substring(dot + 1);
    int operationOffset = nameOffset + name.length() + 1;
    if (datasource == null && kafka(fn, name, operation, nameOffset, operationOffset)) {
      return;
    }
    if (datasource == null) {
      diagnostics.report(
          DatasourceCode.UNKNOWN_DATASOURCE,
          fn.node().locationAt(nameOffset),
          "unknown datasource '" + name + "': src/datasources has no " + name + ".yaml",
          Suggestions.didYouMean(name, datasources.keySet())
              .orElse(
                  datasources.isEmpty()
                      ? "declare it in src/datasources/" + name + ".yaml"
                      : "datasources: " + String.join(", ", datasources.keySet())));
      return;
    }
    if (datasource instanceof Datasource.Jdbc jdbc) {
      diagnostics.report(
          DatasourceCode.UNKNOWN_OPERATION,
          fn.node().locationAt(Math.min(operationOffset, fn.name().length())),
          "datasource '" + name + "' has no statement '" + operation + "'",
          Suggestions.didYouMean(operation, FunctionTable.operations(datasource))
              .orElse(
                  "its statements: "
                      + String.join(", ", jdbc.statements().keySet())
                      + "; or 'transaction'"));
    } else {
      diagnostics.report(
          DatasourceCode.UNKNOWN_OPERATION,
          fn.node().locationAt(Math.min(operationOffset, fn.name().length())),
          "'" + operation + "' is not a call of http datasource '" + name + "'",
          Suggestions.didYouMean(operation, FunctionTable.operations(datasource))
              .orElse("write <method>./<path>, e.g. get./v1/items/{id}"));
    }
  }

  /**
   * Reports a publish task whose name is no Kafka source, or a Kafka source's operation other than
   * publish; whether it reported.
   */
  private boolean kafka(FnRef fn, String name, String operation, int nameOffset, int opOffset) {
    Map<String, KafkaSource> sources = functions.publishSources();
    if (sources.containsKey(name)) {
      diagnostics.report(
          PublishCode.UNKNOWN_OPERATION,
          fn.node().locationAt(Math.min(opOffset, fn.name().length())),
          "'"
              + operation
              + "' is not an operation of Kafka source '"
              + name
              + "' ("
              + sources.get(name).file()
              + ")",
          "write datasource." + name + ".publish with args {topic, message}");
      return true;
    }
    if (!operation.equals(FunctionTable.PUBLISH)) {
      return false;
    }
    diagnostics.report(
        PublishCode.UNKNOWN_SOURCE,
        fn.node().locationAt(nameOffset),
        "unknown Kafka source '"
            + name
            + "': no src/eventsources/"
            + name
            + ".yaml or src/datasources/"
            + name
            + ".yaml has 'type: kafka'",
        Suggestions.didYouMean(name, sources.keySet())
            .orElse(
                sources.isEmpty()
                    ? "declare it in src/datasources/" + name + ".yaml with 'type: kafka'"
                    : "Kafka sources: " + String.join(", ", sources.keySet())));
    return true;
  }
}
