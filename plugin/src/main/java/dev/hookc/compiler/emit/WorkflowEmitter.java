package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.check.FunctionNames;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Emits a workflow's class: one method per task, a {@code run} method that calls them in order, and
 * the {@code Outputs} holder through which later tasks read earlier results.
 */
final class WorkflowEmitter {
  private static final ClassName OUTPUTS = ClassName.get("", "Outputs");

  private final Names names;
  private final Map<String, JavaFunctionContract> contracts;

  WorkflowEmitter(Names names, Map<String, JavaFunctionContract> contracts) {
    this.names = names;
    this.contracts = contracts;
  }

  /** The {@code Outputs} class of a workflow, as expressions refer to it. */
  static ClassName outputsClass(ClassName workflowClass) {
    return workflowClass.nestedClass("Outputs");
  }

  JavaFile emit(Workflow workflow, ClassName inputs, List<CompiledTask> tasks) {
    ClassName self = names.workflow(workflow);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Workflow {@code $L}$L, from {@code $L}.\n",
                workflow.id(),
                workflow.summary().map(s -> ": " + s).orElse(""),
                workflow.file())
            .addField(
                FieldSpec.builder(Names.JSON_NODE, "config", Modifier.PRIVATE, Modifier.FINAL)
                    .build());
    Map<String, FieldSpec> collaborators = new TreeMap<>();
    List<MethodSpec> taskMethods = new ArrayList<>();
    List<String> taskIds = new ArrayList<>();
    for (CompiledTask task : flatten(tasks)) {
      taskIds.add(task.task().id());
      taskMethods.add(taskMethod(task, inputs, collaborators));
    }
    type.addFields(collaborators.values());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("@param config the project's configuration, read by {@code config.*}\n")
            .addParameter(Names.JSON_NODE, "config")
            .addStatement("this.config = config")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("run")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Runs the workflow; its result is its last task's status, or the one a return ended it with.\n")
            .returns(Names.STATUS)
            .addParameter(inputs, "inputs")
            .addException(Exception.class)
            .addStatement("$T outputs = new $T()", OUTPUTS, OUTPUTS)
            .addCode(sequence(tasks, true))
            .build());
    type.addMethods(taskMethods);
    type.addMethod(
        MethodSpec.methodBuilder("context")
            .addModifiers(Modifier.PRIVATE)
            .returns(Names.FUNCTION_CONTEXT)
            .addParameter(String.class, "function")
            .addParameter(inputs, "inputs")
            .addStatement(
                "return new $T($T.loggerFor(function), config, inputs::toJson)",
                Names.FUNCTION_CONTEXT,
                Names.FUNCTION_CONTEXT)
            .build());
    type.addType(outputs(taskIds));
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private CodeBlock sequence(List<CompiledTask> tasks, boolean workflowLevel) {
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement("$T last = $T.ok(null)", Names.STATUS, Names.STATUS);
    String finish = workflowLevel ? "last.asResult()" : "last";
    for (int i = 0; i < tasks.size(); i++) {
      String method = FunctionNames.lowerCamel(tasks.get(i).task().id());
      code.addStatement("last = outputs.$L = $L(inputs, outputs)", method, method);
      if (i < tasks.size() - 1) {
        code.beginControlFlow("if (last.returned())")
            .addStatement("return $L", finish)
            .endControlFlow();
      }
    }
    return code.addStatement("return $L", finish).build();
  }

  private MethodSpec taskMethod(
      CompiledTask compiled, ClassName inputs, Map<String, FieldSpec> collaborators) {
    Task task = compiled.task();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(FunctionNames.lowerCamel(task.id()))
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "Task {@code $L}$L ({@code $L}).\n",
                task.id(),
                task.fn().map(fn -> ", calling {@code " + fn.name() + "}").orElse(""),
                task.location())
            .returns(Names.STATUS)
            .addParameter(ParameterSpec.builder(inputs, "inputs").build())
            .addParameter(ParameterSpec.builder(OUTPUTS, "outputs").build())
            .addException(Exception.class);
    CodeBlock args = compiled.args().map(a -> a.code()).orElse(CodeBlock.of("null"));
    ResolvedFunction function = compiled.function().orElse(null);
    if (function instanceof ResolvedFunction.JavaFunction java) {
      JavaFunctionContract contract = contracts.get(java.name());
      String field = FunctionNames.lowerCamel(java.className());
      collaborators.put(
          field,
          FieldSpec.builder(contract.interfaceName(), field, Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T()", contract.implementationName())
              .build());
      method.addStatement(
          "return $T.of($L.apply($L, context($S, inputs)))",
          Names.STATUS,
          field,
          contract.newArgs(compiled.namedArgs()),
          java.name());
    } else if (function instanceof ResolvedFunction.WorkflowFunction called) {
      ClassName calledClass = names.workflow(called.workflow());
      String field = FunctionNames.lowerCamel(calledClass.simpleName());
      collaborators.put(
          field,
          FieldSpec.builder(calledClass, field, Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T(config)", calledClass)
              .build());
      method.addStatement(
          "return $L.run($T.fromJson($T.toJson($L))).asResult()",
          field,
          names.workflowInputs(called.workflow()),
          Names.STATUS,
          args);
    } else if (function instanceof ResolvedFunction.Builtin builtin
        && builtin.name().equals("com.gs.transform")) {
      method.addStatement("return $T.of($L)", Names.STATUS, args);
    } else if (!compiled.children().isEmpty()) {
      method.addCode(sequence(compiled.children(), false));
    } else {
      method.addStatement("return $T.returning($L)", Names.STATUS, args);
    }
    return method.build();
  }

  private static TypeSpec outputs(List<String> taskIds) {
    TypeSpec.Builder outputs =
        TypeSpec.classBuilder(OUTPUTS)
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.\n");
    for (String id : taskIds) {
      String name = FunctionNames.lowerCamel(id);
      outputs.addField(
          FieldSpec.builder(Names.STATUS, name, Modifier.PRIVATE, Modifier.VOLATILE).build());
      outputs.addMethod(
          MethodSpec.methodBuilder(name)
              .addJavadoc("The result of task {@code $L}.\n", id)
              .returns(Names.STATUS)
              .addStatement("return $L", name)
              .build());
    }
    return outputs.build();
  }

  private static List<CompiledTask> flatten(List<CompiledTask> tasks) {
    List<CompiledTask> all = new ArrayList<>();
    for (CompiledTask task : tasks) {
      all.add(task);
      all.addAll(flatten(task.children()));
    }
    return all;
  }

  /** The inputs record of a workflow, typed by the body its callers send. */
  static JavaFile inputs(ClassName inputs, ExprType body, String workflowId) {
    TypeSpec record =
        TypeSpec.recordBuilder(inputs)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The inputs of workflow {@code $L}: {@code inputs.body}, {@code inputs.params}, ...\n",
                workflowId)
            .recordConstructor(
                MethodSpec.constructorBuilder()
                    .addParameter(body.javaType(), "body")
                    .addParameter(Names.JSON_NODE, "params")
                    .addParameter(Names.JSON_NODE, "query")
                    .addParameter(Names.JSON_NODE, "headers")
                    .addParameter(Names.JSON_NODE, "user")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("toJson")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("These inputs as one JSON object, as Java functions see them.\n")
                    .returns(Names.JSON_NODE)
                    .addStatement(
                        "return $T.object($S, body, $S, params, $S, query, $S, headers, $S, user)",
                        Names.JS,
                        "body",
                        "params",
                        "query",
                        "headers",
                        "user")
                    .build())
            .addMethod(fromJson(inputs, body))
            .build();
    return JavaFile.builder(inputs.packageName(), record).skipJavaLangImports(true).build();
  }

  private static MethodSpec fromJson(ClassName inputs, ExprType body) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromJson")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The inputs a calling task passes as its {@code args}.\n")
            .returns(inputs)
            .addParameter(Names.JSON_NODE, "args");
    CodeBlock bodyValue =
        body instanceof ExprType.DynamicType
            ? CodeBlock.of("$T.member(args, $S)", Names.JS, "body")
            : CodeBlock.of(
                "$T.bind($T.member(args, $S), $T.class)",
                Names.JSON,
                Names.JS,
                "body",
                body.javaType());
    return method
        .addStatement(
            "return new $T($L, $T.member(args, $S), $T.member(args, $S), $T.member(args, $S), $T.member(args, $S))",
            inputs,
            bodyValue,
            Names.JS,
            "params",
            Names.JS,
            "query",
            Names.JS,
            "headers",
            Names.JS,
            "user")
        .build();
  }
}
