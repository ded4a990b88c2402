package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The code of datasource tasks: a statement run, an http call. */
final class DatasourceCode {
  /** The named arg holding an http task's timeout, a {@code Duration}. */
  private static final String TIMEOUT = "timeout";

  private DatasourceCode() {}

  /** {@code JdbcTasks.query(db, "find", TaskArgs.statement("id", ...))}. */
  static CodeBlock statement(
      String method, String datasource, String statement, Map<String, CompiledValue> args) {
    List<CodeBlock> pairs = new ArrayList<>();
    args.forEach((name, value) -> pairs.add(CodeBlock.of("$S, $L", name, value.code())));
    CodeBlock arguments =
        CodeBlock.of("$T.statement($L)", RuntimeTypes.TASK_ARGS, CodeBlock.join(pairs, ", "));
    CodeBlock call =
        CodeBlock.of(
            "$T.$L($L, $S, $L)", RuntimeTypes.JDBC_TASKS, method, datasource, statement, arguments);
    if (Widths.fits(8 + "() -> ".length() + 2, call)) {
      return call;
    }
    List<CodeBlock> lines = new ArrayList<>();
    args.forEach((name, value) -> lines.add(CodeBlock.of("$S,\n$L", name, value.code())));
    return CodeBlock.of(
        "$T.$L(\n$>$>$L,\n$S,\n$T.statement(\n$>$>$L))$<$<$<$<",
        RuntimeTypes.JDBC_TASKS,
        method,
        datasource,
        statement,
        RuntimeTypes.TASK_ARGS,
        CodeBlock.join(lines, ",\n"));
  }

  /** {@code HttpTasks.call(stripe, TaskArgs.http("GET", "/v1/x/{id}", path, query, ...))}. */
  static CodeBlock httpCall(CompiledTask compiled, String datasource) {
    ResolvedFunction.DatasourceTask fn =
        (ResolvedFunction.DatasourceTask) compiled.function().get();
    Map<String, CompiledValue> args = compiled.namedArgs();
    List<CodeBlock> parts = new ArrayList<>();
    parts.add(CodeBlock.of("$S", fn.method().get().toUpperCase(Locale.ROOT)));
    parts.add(CodeBlock.of("$S", fn.path().get()));
    for (String part : List.of("path", "query", "headers", "data", TIMEOUT)) {
      CompiledValue value = args.get(part);
      parts.add(value == null ? CodeBlock.of("null") : value.code());
    }
    return CodeBlock.of(
        "$T.call(\n$>$>$L,\n$T.http(\n$>$>$L))$<$<$<$<",
        RuntimeTypes.HTTP_TASKS,
        datasource,
        RuntimeTypes.TASK_ARGS,
        CodeBlock.join(parts, ",\n"));
  }

  /**
   * {@code KafkaTasks.publish(kafkaPublisher, "kafka", topic, message, key, headers, timeout)},
   * null for each optional arg not given.
   */
  static CodeBlock publish(CompiledTask compiled, String publisher) {
    ResolvedFunction.KafkaPublish fn = (ResolvedFunction.KafkaPublish) compiled.function().get();
    Map<String, CompiledValue> args = compiled.namedArgs();
    List<CodeBlock> parts = new ArrayList<>();
    parts.add(CodeBlock.of("$L", publisher));
    parts.add(CodeBlock.of("$S", fn.source().name()));
    for (String part : List.of("topic", "message", "key", "headers", TIMEOUT)) {
      CompiledValue value = args.get(part);
      parts.add(value == null ? CodeBlock.of("null") : value.code());
    }
    return CodeBlock.of(
        "$T.publish(\n$>$>$L)$<$<", RuntimeTypes.KAFKA_TASKS, CodeBlock.join(parts, ",\n"));
  }
}
