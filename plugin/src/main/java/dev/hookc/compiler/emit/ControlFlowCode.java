package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.analysis.TaskKind;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code of the control-flow built-ins: sequences with their if/elif/else chains, parallel
 * branches, switch cases and loops. Each task it runs is called through its own method.
 */
final class ControlFlowCode {
  private ControlFlowCode() {}

  /**
   * Code running {@code tasks} in order, storing each result, stopping at a return; it ends with
   * {@code return <finish>} where {@code last} is the last result.
   */
  static CodeBlock sequence(List<CompiledTask> tasks, String finish) {
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
  private static CodeBlock chain(List<CompiledTask> chain) {
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

  static CodeBlock switchCode(CompiledTask compiled) {
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

  static CodeBlock loop(CompiledTask compiled) {
    ExprType item = compiled.children().isEmpty() ? ExprType.DYNAMIC : itemType(compiled);
    CodeBlock items =
        CodeBlock.of(
            "$T.items($L)",
            TaskEmitter.LOOPS,
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
              "$T branches = new $T<>()",
              ParameterizedTypeName.get(ClassName.get(List.class), TaskEmitter.TASK_BODY),
              ArrayList.class)
          .beginControlFlow("for ($T item : $L)", item.javaType(), items)
          .add("// Each item gets its own copy of the results, so items never see each other's.\n")
          .addStatement("$T own = outputs.copy()", TaskEmitter.OUTPUTS)
          .addStatement("branches.add(() -> $L(inputs, own, item))", itemMethod)
          .endControlFlow()
          .addStatement(
              "return $T.branches($T.shared().all(branches))", Names.STATUS, TaskEmitter.BRANCHES);
      return code.build();
    }
    return code.addStatement("return $T.branches(results)", Names.STATUS).build();
  }

  static ExprType itemType(CompiledTask loop) {
    return loop.children().isEmpty()
        ? ExprType.DYNAMIC
        : loop.children().get(0).taskValue().orElse(ExprType.DYNAMIC);
  }

  static CodeBlock call(CompiledTask task) {
    return CodeBlock.of("$L($L)", FunctionNames.lowerCamel(task.task().id()), arguments(task));
  }

  static String arguments(CompiledTask task) {
    return task.taskValue().isPresent() ? "inputs, outputs, taskValue" : "inputs, outputs";
  }

  static String field(CompiledTask task) {
    return FunctionNames.lowerCamel(task.task().id());
  }

  /** The branches of {@code com.gs.parallel}, each storing its own result. */
  static CodeBlock parallel(CompiledTask compiled) {
    List<CodeBlock> branches = new ArrayList<>();
    for (CompiledTask child : compiled.children()) {
      branches.add(CodeBlock.of("() -> outputs.$L = $L", field(child), call(child)));
    }
    return CodeBlock.builder()
        .addStatement(
            "return $T.branches($T.shared().all($T.<$T>of($>\n$L$<)))",
            Names.STATUS,
            TaskEmitter.BRANCHES,
            List.class,
            TaskEmitter.TASK_BODY,
            CodeBlock.join(branches, ",\n"))
        .build();
  }
}
