package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.hookc.compiler.check.FunctionNames;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.TaskRetry;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the methods of a workflow's tasks: one per task, running its function or built-in through
 * the {@code TaskRunner} (which turns an exception into a failed status and retries), then its
 * {@code on_error}.
 */
final class TaskEmitter {
  static final ClassName OUTPUTS = ClassName.get("", "Outputs");
  static final ClassName RUNNER = ClassName.get(Names.WORKFLOW_RUNTIME, "TaskRunner");
  static final ClassName RETRY = ClassName.get(Names.WORKFLOW_RUNTIME, "Retry");
  static final ClassName BRANCHES = ClassName.get(Names.WORKFLOW_RUNTIME, "Branches");
  static final ClassName TASK_BODY = ClassName.get(Names.WORKFLOW_RUNTIME, "TaskBody");
  static final ClassName LOOPS = ClassName.get(Names.WORKFLOW_RUNTIME, "Loops");
  static final ClassName TASK_LOG = ClassName.get(Names.WORKFLOW_RUNTIME, "TaskLog");

  private final Names names;
  private final Map<String, JavaFunctionContract> contracts;
  private final ClassName inputs;
  private final Map<String, FieldSpec> collaborators;
  private final String workflowId;

  /**
   * @param collaborators the fields the methods use (functions, called workflows, the logger),
   *     filled in as they are needed
   */
  TaskEmitter(
      Names names,
      Map<String, JavaFunctionContract> contracts,
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
      method.addCode(sequence(onError.tasks(), finish));
    } else {
      method.addStatement("return failed$L", onError.continues() ? "" : ".asReturn()");
    }
    return method.build();
  }

  /**
   * Code running {@code tasks} in order, storing each result, stopping at a return; it ends with
   * {@code return <finish>} where {@code last} is the last result.
   */
  CodeBlock sequence(List<CompiledTask> tasks, String finish) {
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement("$T last = $T.ok(null)", Names.STATUS, Names.STATUS);
    int i = 0;
    while (i < tasks.size()) {
      CompiledTask task = tasks.get(i);
      if (task.kind() == TaskKind.IF) {
        int end = i + 1;
        while (end < tasks.size() && tasks.get(end).kind().continuesChain()) {
          end++;
          if (tasks.get(end - 1).kind() == TaskKind.ELSE) {
            break;
          }
        }
        code.add(chain(tasks.subList(i, end)));
        i = end;
      } else {
        code.addStatement("last = outputs.$L = $L", field(task), call(task));
        i++;
      }
      if (i < tasks.size()) {
        code.beginControlFlow("if (last.returned())")
            .addStatement("return $L", finish)
            .endControlFlow();
      }
    }
    return code.addStatement("return $L", finish).build();
  }

  /** An if/elif/else chain; the {@code if} task's result is the chain's. */
  private CodeBlock chain(List<CompiledTask> chain) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean hasElse = false;
    for (int i = 0; i < chain.size(); i++) {
      CompiledTask task = chain.get(i);
      CodeBlock condition = task.condition().map(CompiledValue::code).orElse(CodeBlock.of("false"));
      if (i == 0) {
        code.add("// $L\n", task.task().location());
        code.beginControlFlow("if ($L)", condition).addStatement("last = $L", call(task));
      } else if (task.kind() == TaskKind.ELIF) {
        code.nextControlFlow("else if ($L)", condition)
            .addStatement("last = outputs.$L = $L", field(task), call(task));
      } else {
        hasElse = true;
        code.nextControlFlow("else")
            .addStatement("last = outputs.$L = $L", field(task), call(task));
      }
    }
    if (!hasElse) {
      code.nextControlFlow("else").addStatement("last = $T.ok(null)", Names.STATUS);
    }
    return code.endControlFlow().addStatement("outputs.$L = last", field(chain.get(0))).build();
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
    String head = compiled.onError().isEmpty() ? "return " : "$T status = ";
    Object[] headArgs = compiled.onError().isEmpty() ? new Object[0] : new Object[] {Names.STATUS};
    CodeBlock start = CodeBlock.of(head, headArgs);
    if (body.statements()) {
      // A lambda with statements cannot sit inside a JavaPoet statement, so it is written out.
      method
          .addCode(start)
          .addCode("$T.shared().run($S, $L, () -> {\n$>", RUNNER, label, retry(task.retry()))
          .addCode(body.code())
          .addCode("$<});\n");
    } else {
      method.addStatement(
          "$L$T.shared().run($S, $L, () -> $L)",
          start,
          RUNNER,
          label,
          retry(task.retry()),
          body.code());
    }
    if (compiled.onError().isEmpty()) {
      return method.build();
    }
    return method
        .addStatement(
            "return status.success() || status.returned() ? status : $L($L, status)",
            onErrorName(compiled.onError().get()),
            compiled.onError().get().owner().isPresent() ? arguments(compiled) : "inputs, outputs")
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
        // Set by the constructor, which receives the config it is built with.
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
            logLevel(compiled.task()),
            data == null ? CodeBlock.of("null") : data.code());
      case SEQUENTIAL:
      case IF:
      case ELIF:
      case ELSE:
        return block(sequence(compiled.children(), "last"));
      case PARALLEL:
        List<CodeBlock> branches = new ArrayList<>();
        for (CompiledTask child : compiled.children()) {
          branches.add(CodeBlock.of("() -> outputs.$L = $L", field(child), call(child)));
        }
        return block(
            CodeBlock.builder()
                .addStatement(
                    "return $T.branches($T.shared().all($T.<$T>of($>\n$L$<)))",
                    Names.STATUS,
                    BRANCHES,
                    List.class,
                    TASK_BODY,
                    CodeBlock.join(branches, ",\n"))
                .build());
      case SWITCH:
        return block(switchCode(compiled));
      case EACH_SEQUENTIAL:
      case EACH_PARALLEL:
        return block(loopCode(compiled));
      default:
        return Body.of("$T.returning($L)", Names.STATUS, args);
    }
  }

  private CodeBlock javaCall(CompiledTask compiled) {
    ResolvedFunction.JavaFunction java = (ResolvedFunction.JavaFunction) compiled.function().get();
    JavaFunctionContract contract = contracts.get(java.name());
    String field = FunctionNames.lowerCamel(java.className());
    collaborators.put(
        field,
        FieldSpec.builder(contract.interfaceName(), field, Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", contract.implementationName())
            .build());
    return CodeBlock.of(
        "$T.of($L.apply($L, context($S, inputs)))",
        Names.STATUS,
        field,
        contract.newArgs(compiled.namedArgs()),
        java.name());
  }

  private CodeBlock switchCode(CompiledTask compiled) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement(
                "$T key = $T.string($L)",
                String.class,
                Names.JS,
                compiled.value().map(CompiledValue::code).orElse(CodeBlock.of("null")));
    boolean first = true;
    for (Map.Entry<String, List<CompiledTask>> entry : compiled.cases().entrySet()) {
      if (first) {
        code.beginControlFlow("if (key.equals($S))", entry.getKey());
        first = false;
      } else {
        code.nextControlFlow("else if (key.equals($S))", entry.getKey());
      }
      code.add(sequence(entry.getValue(), "last"));
    }
    CodeBlock defaults =
        compiled.defaults().isEmpty()
            ? CodeBlock.builder().addStatement("return $T.ok(null)", Names.STATUS).build()
            : sequence(compiled.defaults(), "last");
    if (first) {
      return defaults;
    }
    return code.nextControlFlow("else").add(defaults).endControlFlow().build();
  }

  private CodeBlock loopCode(CompiledTask compiled) {
    ExprType item = compiled.children().isEmpty() ? ExprType.DYNAMIC : itemType(compiled);
    CodeBlock items =
        CodeBlock.of(
            "$T.items($L)",
            LOOPS,
            compiled
                .value()
                .map(CompiledValue::code)
                .orElse(CodeBlock.of("($T) null", Names.JSON_NODE)));
    String itemMethod = FunctionNames.lowerCamel(compiled.task().id()) + "Item";
    CodeBlock.Builder code = CodeBlock.builder();
    if (compiled.kind() == TaskKind.EACH_SEQUENTIAL) {
      code.addStatement(
              "$T results = new $T<>()",
              ParameterizedTypeName.get(ClassName.get(List.class), Names.STATUS),
              ArrayList.class)
          .beginControlFlow("for ($T item : $L)", item.javaType(), items)
          .addStatement("$T result = $L(inputs, outputs.copy(), item)", Names.STATUS, itemMethod)
          .addStatement("results.add(result)")
          .beginControlFlow("if (result.returned())")
          .addStatement("break")
          .endControlFlow()
          .endControlFlow();
    } else {
      code.addStatement(
              "$T results = new $T<>()",
              ParameterizedTypeName.get(ClassName.get(List.class), TASK_BODY),
              ArrayList.class)
          .beginControlFlow("for ($T item : $L)", item.javaType(), items)
          .add("// Each item gets its own copy of the results, so items never see each other's.\n")
          .addStatement("$T own = outputs.copy()", OUTPUTS)
          .addStatement("results.add(() -> $L(inputs, own, item))", itemMethod)
          .endControlFlow()
          .addStatement("return $T.branches($T.shared().all(results))", Names.STATUS, BRANCHES);
      return code.build();
    }
    return code.addStatement("return $T.branches(results)", Names.STATUS).build();
  }

  /** The method running a loop's tasks for one item, which they read as {@code task_value}. */
  private MethodSpec itemMethod(CompiledTask loop) {
    return parameters(
            MethodSpec.methodBuilder(FunctionNames.lowerCamel(loop.task().id()) + "Item"),
            Optional.of(itemType(loop).javaType()))
        .addJavadoc("The tasks of {@code $L} for one item, {@code task_value}.\n", loop.task().id())
        .addCode(sequence(loop.children(), "last"))
        .build();
  }

  private static ExprType itemType(CompiledTask loop) {
    return loop.children().isEmpty()
        ? ExprType.DYNAMIC
        : loop.children().get(0).taskValue().orElse(ExprType.DYNAMIC);
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

  private static CodeBlock call(CompiledTask task) {
    return CodeBlock.of("$L($L)", FunctionNames.lowerCamel(task.task().id()), arguments(task));
  }

  private static String arguments(CompiledTask task) {
    return task.taskValue().isPresent() ? "inputs, outputs, taskValue" : "inputs, outputs";
  }

  private static String field(CompiledTask task) {
    return FunctionNames.lowerCamel(task.task().id());
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

  /** The literal {@code level} of a log task; {@code info} when absent (checked elsewhere). */
  static String logLevel(Task task) {
    return task.args()
        .filter(YamlMapping.class::isInstance)
        .flatMap(a -> ((YamlMapping) a).get("level"))
        .filter(YamlScalar.class::isInstance)
        .map(l -> ((YamlScalar) l).value())
        .orElse("info");
  }
}
