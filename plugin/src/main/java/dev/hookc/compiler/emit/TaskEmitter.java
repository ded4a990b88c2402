package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.analysis.TaskKind;
import dev.hookc.compiler.bind.BoundJavaFunction;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.TaskRetry;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the methods of a workflow's tasks: one per task, running its function or built-in through
 * the {@code TaskRunner}, which retries it and hands a failure to its {@code on_error}; an
 * exception that no {@code on_error} handles ends the workflow.
 */
final class TaskEmitter {
  static final ClassName OUTPUTS = ClassName.get("", "Outputs");
  static final ClassName RUNNER = RuntimeTypes.TASK_RUNNER;
  static final ClassName RETRY = RuntimeTypes.RETRY;
  static final ClassName BRANCHES = RuntimeTypes.BRANCHES;
  static final ClassName TASK_BODY = RuntimeTypes.TASK_BODY;
  static final ClassName LOOPS = RuntimeTypes.LOOPS;
  static final ClassName TASK_LOG = RuntimeTypes.TASK_LOG;
  private static final CodeBlock EMPTY = CodeBlock.of("");

  private final Names names;
  private final Map<String, BoundJavaFunction> contracts;
  private final ClassName inputs;
  private final Map<String, FieldSpec> collaborators;
  private final String workflowId;

  /** The variable of the workflow's constructor that holds the wiring functions are made with. */
  private static final CodeBlock WIRING = CodeBlock.of("wiring");

  /**
   * @param collaborators the fields the methods use (functions, called workflows, the logger),
   *     filled in as they are needed
   */
  TaskEmitter(
      Names names,
      Map<String, BoundJavaFunction> contracts,
      ClassName inputs,
      Map<String, FieldSpec> collaborators,
      String workflowId) {
    this.names = names;
    this.contracts = contracts;
    this.inputs = inputs;
    this.collaborators = collaborators;
    this.workflowId = workflowId;
  }

  /** The methods of {@code task} and of every task nested in it, in YAML order. */
  void methods(CompiledTask task, List<MethodSpec> out) {
    out.add(taskMethod(task));
    if (task.kind().isLoop()) {
      out.add(itemMethod(task));
    }
    task.onError()
        .filter(o -> o.owner().isPresent())
        .ifPresent(o -> out.add(onErrorMethod(o, task.taskValue())));
    for (CompiledTask nested : task.nested()) {
      methods(nested, out);
    }
  }

  /** The method handling a failure: {@code <task>OnError}, or the workflow's {@code onError}. */
  MethodSpec onErrorMethod(CompiledTask.CompiledOnError onError, Optional<ExprType> taskValue) {
    MethodSpec.Builder method =
        parameters(
                MethodSpec.methodBuilder(onErrorName(onError)), taskValue.map(ExprType::javaType))
            .addParameter(Names.STATUS, "failed")
            .addJavadoc(
                "The {@code on_error} of $L ({@code $L}): $L.\n",
                onError.owner().map(id -> "task {@code " + id + "}").orElse("the workflow"),
                onError.location(),
                onError.continues() ? "the workflow continues" : "the workflow ends");
    String finish = onError.continues() ? "last" : "last.asReturn()";
    if (onError.response().isPresent()) {
      method.addStatement(
          "return $T.handled(failed, $L)$L",
          Names.STATUS,
          onError.response().get().code(),
          onError.continues() ? "" : ".asReturn()");
    } else if (!onError.tasks().isEmpty()) {
      method.addCode(ControlFlowCode.sequence(onError.tasks(), finish));
    } else {
      method.addStatement("return failed$L", onError.continues() ? "" : ".asReturn()");
    }
    return method.build();
  }

  private MethodSpec taskMethod(CompiledTask compiled) {
    Task task = compiled.task();
    MethodSpec.Builder method =
        parameters(
                MethodSpec.methodBuilder(FunctionNames.lowerCamel(task.id())),
                compiled.taskValue().map(ExprType::javaType))
            .addJavadoc(
                "Task {@code $L}$L ({@code $L}).\n",
                task.id(),
                task.fn().map(fn -> ", calling {@code " + fn.name() + "}").orElse(""),
                task.location());
    Body body = body(compiled);
    String label = task.id() + " (" + task.location() + ")";
    // The on_error, if any, gets the failed status or, when the task threw, a 500 (TaskRunner).
    Optional<CodeBlock> onError =
        compiled
            .onError()
            .map(
                o ->
                    CodeBlock.of(
                        "failed -> $L($L, failed)",
                        onErrorName(o),
                        o.owner().isPresent()
                            ? ControlFlowCode.arguments(compiled)
                            : "inputs, outputs"));
    CodeBlock retry = retry(task.retry());
    if (body.statements()) {
      // A lambda with statements cannot sit inside a JavaPoet statement, so it is written out.
      CodeBlock header =
          CodeBlock.of("return $T.shared().run($S, $L, () -> {", RUNNER, label, retry);
      if (Widths.fits(4, header)) {
        return method
            .addCode("$L\n$>", header)
            .addCode(body.code())
            .addCode("$<}$L);\n", onError.map(o -> CodeBlock.of(", $L", o)).orElse(EMPTY))
            .build();
      }
      return method
          .addCode("return $T.shared().run(\n$>$>$S,\n$L,\n() -> {\n$>", RUNNER, label, retry)
          .addCode(body.code())
          .addCode("$<}$L);\n$<$<", onError.map(o -> CodeBlock.of(",\n$L", o)).orElse(EMPTY))
          .build();
    }
    CodeBlock oneLine =
        CodeBlock.of(
            "return $T.shared().run($S, $L, () -> $L$L);",
            RUNNER,
            label,
            retry,
            body.code(),
            onError.map(o -> CodeBlock.of(", $L", o)).orElse(EMPTY));
    if (Widths.fits(4, oneLine)) {
      return method.addCode("$L\n", oneLine).build();
    }
    // One argument per line, as a formatter would write a call too long for one.
    return method
        .addStatement(
            "return $T.shared().run(\n$S,\n$L,\n() -> $L$L)",
            RUNNER,
            label,
            retry,
            body.code(),
            onError.map(o -> CodeBlock.of(",\n$L", o)).orElse(EMPTY))
        .build();
  }

  /**
   * What one attempt at a task does: a Java expression, or statements ending in a return.
   *
   * @param statements whether {@code code} is statements
   */
  private record Body(CodeBlock code, boolean statements) {
    static Body of(String format, Object... args) {
      return new Body(CodeBlock.of(format, args), false);
    }
  }

  /** What one attempt at the task does, as a lambda body. */
  private Body body(CompiledTask compiled) {
    CodeBlock args = compiled.args().map(CompiledValue::code).orElse(CodeBlock.of("null"));
    switch (compiled.kind()) {
      case JAVA:
        return new Body(javaCall(compiled), false);
      case WORKFLOW:
        ResolvedFunction.WorkflowFunction called =
            (ResolvedFunction.WorkflowFunction) compiled.function().get();
        ClassName calledClass = names.workflow(called.workflow());
        String field = FunctionNames.lowerCamel(calledClass.simpleName());
        // Set by the constructor, which receives the wiring it is built with.
        collaborators.put(
            field, FieldSpec.builder(calledClass, field, Modifier.PRIVATE, Modifier.FINAL).build());
        return Body.of(
            "$L.run($T.fromJson($T.toJson($L))).asResult()",
            field,
            names.workflowInputs(called.workflow()),
            Names.STATUS,
            args);
      case TRANSFORM:
        return Body.of("$T.of($L)", Names.STATUS, args);
      case LOG:
        collaborators.put(
            "LOG",
            FieldSpec.builder(
                    System.Logger.class, "LOG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.getLogger($S)", System.class, "hookc.workflows." + workflowId)
                .build());
        CompiledValue data = compiled.namedArgs().get("data");
        return Body.of(
            "$T.log(LOG, $S, $L)",
            TASK_LOG,
            compiled.logLevel(),
            data == null ? CodeBlock.of("null") : data.code());
      case SEQUENTIAL:
      case IF:
      case ELIF:
      case ELSE:
        return block(ControlFlowCode.sequence(compiled.children(), "last"));
      case PARALLEL:
        return block(ControlFlowCode.parallel(compiled));
      case SWITCH:
        return block(ControlFlowCode.switchCode(compiled));
      case EACH_SEQUENTIAL:
      case EACH_PARALLEL:
        return block(ControlFlowCode.loop(compiled));
      case QUERY:
      case UPDATE:
        return new Body(statement(compiled), false);
      case TRANSACTION:
        // The tasks run on this thread, inside the transaction, which their failure rolls back.
        return block(
            CodeBlock.builder()
                .add("return $L.inTransaction(\n$>$>() -> {\n$>", datasourceField(compiled))
                .add(ControlFlowCode.sequence(compiled.children(), "last"))
                .add("$<});\n$<$<")
                .build());
      case HTTP:
        return new Body(DatasourceCode.httpCall(compiled, datasourceField(compiled)), false);
      case PUBLISH:
        return new Body(DatasourceCode.publish(compiled, publisherField(compiled)), false);
      default:
        return Body.of("$T.returning($L)", Names.STATUS, args);
    }
  }

  private CodeBlock javaCall(CompiledTask compiled) {
    ResolvedFunction.JavaFunction java = (ResolvedFunction.JavaFunction) compiled.function().get();
    BoundJavaFunction contract = contracts.get(java.name());
    String field = FunctionNames.lowerCamel(java.className());
    collaborators.put(
        field,
        FieldSpec.builder(contract.interfaceName(), field, Modifier.PRIVATE, Modifier.FINAL)
            .initializer(JavaFunctionContract.instance(contract, WIRING, 8))
            .build());
    // Its declared result decides how it reads: data (whatever its keys), or a status.
    String reading = contract.resultRule() == JavaFunctionClass.ResultRule.DATA ? "ofData" : "of";
    CodeBlock call =
        CodeBlock.of(
            "$T.$L($L.apply($L, context($S, inputs)))",
            Names.STATUS,
            reading,
            field,
            JavaFunctionContract.newArgs(contract, compiled.namedArgs()),
            java.name());
    // The call is the last argument of the task's run, on a line of its own from column 8.
    if (Widths.fits(8 + "() -> ".length() + 2, call)) {
      return call;
    }
    return CodeBlock.of(
        "$T.$L(\n$>$>$L.apply(\n$>$>$L,\ncontext($S, inputs)))$<$<$<$<",
        Names.STATUS,
        reading,
        field,
        JavaFunctionContract.newArgs(contract, compiled.namedArgs()),
        java.name());
  }

  private CodeBlock statement(CompiledTask compiled) {
    ResolvedFunction.DatasourceTask fn =
        (ResolvedFunction.DatasourceTask) compiled.function().get();
    return DatasourceCode.statement(
        compiled.kind() == TaskKind.QUERY ? "query" : "update",
        datasourceField(compiled),
        fn.operation(),
        compiled.namedArgs());
  }

  /** The field holding the datasource a task uses, made from the wiring. */
  private String datasourceField(CompiledTask compiled) {
    ResolvedFunction.DatasourceTask fn =
        (ResolvedFunction.DatasourceTask) compiled.function().get();
    String name = fn.datasource().name();
    boolean jdbc = fn.datasource() instanceof dev.hookc.compiler.model.Datasource.Jdbc;
    String field = FunctionNames.lowerCamel(name) + "Datasource";
    collaborators.put(
        field,
        FieldSpec.builder(
                jdbc ? RuntimeTypes.JDBC_DATASOURCE : RuntimeTypes.HTTP_DATASOURCE,
                field,
                Modifier.PRIVATE,
                Modifier.FINAL)
            .initializer("$L.$L($S)", WIRING, jdbc ? "jdbc" : "http", name)
            .build());
    return field;
  }

  /**
   * The field holding the publisher of the Kafka source a publish task names: the application's one
   * producer of that source, shared with its routes.
   */
  private String publisherField(CompiledTask compiled) {
    ResolvedFunction.KafkaPublish fn = (ResolvedFunction.KafkaPublish) compiled.function().get();
    String name = fn.source().name();
    String field = FunctionNames.lowerCamel(name) + "Publisher";
    collaborators.put(
        field,
        FieldSpec.builder(RuntimeTypes.KAFKA_PUBLISHER, field, Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$L.kafka($S)", WIRING, name)
            .build());
    return field;
  }

  /** The method running a loop's tasks for one item, which they read as {@code task_value}. */
  private MethodSpec itemMethod(CompiledTask loop) {
    return parameters(
            MethodSpec.methodBuilder(FunctionNames.lowerCamel(loop.task().id()) + "Item"),
            Optional.of(ControlFlowCode.itemType(loop).javaType()))
        .addJavadoc("The tasks of {@code $L} for one item, {@code task_value}.\n", loop.task().id())
        .addCode(ControlFlowCode.sequence(loop.children(), "last"))
        .build();
  }

  private MethodSpec.Builder parameters(MethodSpec.Builder method, Optional<TypeName> taskValue) {
    method
        .addModifiers(Modifier.PRIVATE)
        .returns(Names.STATUS)
        .addParameter(inputs, "inputs")
        .addParameter(OUTPUTS, "outputs")
        .addException(Exception.class);
    taskValue.ifPresent(type -> method.addParameter(type, "taskValue"));
    return method;
  }

  private static String onErrorName(CompiledTask.CompiledOnError onError) {
    return onError.owner().map(id -> FunctionNames.lowerCamel(id) + "OnError").orElse("onError");
  }

  private static Body block(CodeBlock statements) {
    return new Body(statements, true);
  }

  private static CodeBlock retry(Optional<TaskRetry> retry) {
    if (retry.isEmpty()) {
      return CodeBlock.of("$T.NONE", RETRY);
    }
    TaskRetry r = retry.get();
    switch (r.type()) {
      case "exponential":
        return CodeBlock.of(
            "$T.exponential($L, $LL, $LL)",
            RETRY,
            r.maxAttempts(),
            r.intervalMillis(),
            r.maxIntervalMillis());
      case "random":
        return CodeBlock.of(
            "$T.random($L, $LL, $LL)",
            RETRY,
            r.maxAttempts(),
            r.minIntervalMillis(),
            r.maxIntervalMillis());
      default:
        return CodeBlock.of("$T.constant($L, $LL)", RETRY, r.maxAttempts(), r.intervalMillis());
    }
  }
}
