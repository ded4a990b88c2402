package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.analysis.CompiledWorkflow;
import dev.hookc.compiler.analysis.PassedInputs;
import dev.hookc.compiler.bind.BoundJavaFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Emits a workflow's class: a {@code run} method that calls its tasks in order, one method per task
 * (see {@link TaskEmitter}), and the {@code Outputs} holder through which later tasks read earlier
 * results.
 */
final class WorkflowEmitter {
  private static final ClassName OUTPUTS = TaskEmitter.OUTPUTS;

  /** The parts of a workflow's inputs besides the body, by their names in expressions. */
  private static final List<String> PARTS =
      List.of("params", "query", "headers", "user", "cookies", "raw_body", "delivery");

  private final Names names;
  private final Map<String, BoundJavaFunction> contracts;

  WorkflowEmitter(Names names, Map<String, BoundJavaFunction> contracts) {
    this.names = names;
    this.contracts = contracts;
  }

  JavaFile emit(Workflow workflow, ClassName inputs, CompiledWorkflow compiled) {
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
    TaskEmitter tasks = new TaskEmitter(names, contracts, inputs, collaborators, workflow.id());
    List<MethodSpec> taskMethods = new ArrayList<>();
    for (CompiledTask task : compiled.tasks()) {
      tasks.methods(task, taskMethods);
    }
    compiled
        .onError()
        .ifPresent(
            onError -> {
              taskMethods.add(tasks.onErrorMethod(onError, java.util.Optional.empty()));
              onError.tasks().forEach(t -> tasks.methods(t, taskMethods));
            });
    List<String> taskIds = new ArrayList<>();
    List<CompiledTask> all = flatten(compiled.tasks());
    compiled.onError().ifPresent(o -> all.addAll(flatten(o.tasks())));
    all.forEach(t -> taskIds.add(t.task().id()));
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "@param wiring the application's configuration ({@code config.*}) and functions\n")
            .addParameter(RuntimeTypes.WIRING, "wiring")
            .addStatement("this.config = wiring.config()");
    for (FieldSpec field : collaborators.values()) {
      if (field.modifiers().contains(Modifier.STATIC)) {
        type.addField(field);
      } else if (field.initializer().isEmpty()) {
        // A workflow this one calls, made with the same wiring.
        type.addField(field);
        constructor.addStatement("this.$N = new $T(wiring)", field, field.type());
      } else {
        // A function, which reads the wiring: set here, where the wiring is.
        type.addField(
            FieldSpec.builder(
                    field.type(), field.name(), field.modifiers().toArray(Modifier[]::new))
                .build());
        constructor.addStatement(assignment(field));
      }
    }
    type.addMethod(constructor.build());
    type.addMethod(
        MethodSpec.methodBuilder("run")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Runs the workflow; its result is its last task's status, or the one a return ended it with.\n")
            .returns(Names.STATUS)
            .addParameter(inputs, "inputs")
            .addException(Exception.class)
            .addStatement("$T outputs = new $T()", OUTPUTS, OUTPUTS)
            .addCode(ControlFlowCode.sequence(compiled.tasks(), "last.asResult()"))
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
    type.addType(outputs(taskIds, all.stream().anyMatch(t -> t.kind().isLoop())));
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /**
   * {@code this.field = initializer}: on one line if it fits, else broken after {@code =}, as
   * google-java-format breaks an assignment.
   */
  private static CodeBlock assignment(FieldSpec field) {
    CodeBlock value = field.initializer();
    if (Widths.fits(4, CodeBlock.of("this.$N = $L;", field, value))) {
      return CodeBlock.of("this.$N = $L", field, value);
    }
    return CodeBlock.of("this.$N =\n$L", field, value);
  }

  /**
   * @param loops whether the workflow has loops, whose items each work on a copy
   */
  private static TypeSpec outputs(List<String> taskIds, boolean loops) {
    TypeSpec.Builder outputs =
        TypeSpec.classBuilder(OUTPUTS)
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.\n");
    if (loops) {
      outputs.addJavadoc("Each loop item works on its own {@link #copy()}.\n");
    }
    MethodSpec.Builder copy =
        MethodSpec.methodBuilder("copy")
            .addJavadoc("A copy holding the same results, for one loop item.\n")
            .returns(OUTPUTS)
            .addStatement("$T copy = new $T()", OUTPUTS, OUTPUTS);
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
      copy.addStatement("copy.$L = $L", name, name);
    }
    if (loops) {
      outputs.addMethod(copy.addStatement("return copy").build());
    }
    return outputs.build();
  }

  private static List<CompiledTask> flatten(List<CompiledTask> tasks) {
    List<CompiledTask> all = new ArrayList<>();
    for (CompiledTask task : tasks) {
      all.add(task);
      all.addAll(flatten(task.nested()));
    }
    return all;
  }

  /**
   * The inputs record of a workflow, typed by the body its callers send. The other parts are read
   * through {@code RequestParts}, which builds each from the request only when a task reads it. A
   * workflow that tasks call ({@code passed} present) also keeps the calling task's {@code args}
   * whole: in Godspeed they are its inputs, so each key they pass has an accessor, and {@code <%
   * inputs %>} is exactly them.
   */
  static JavaFile inputs(
      ClassName inputs,
      ExprType body,
      String workflowId,
      Optional<PassedInputs> passed,
      boolean bodyAsJson) {
    MethodSpec.Builder canonical =
        MethodSpec.constructorBuilder()
            .addParameter(body.javaType(), "body")
            .addParameter(Names.REQUEST_PARTS, "parts");
    passed.ifPresent(p -> canonical.addParameter(Names.JSON_NODE, "args"));
    TypeSpec.Builder record =
        TypeSpec.recordBuilder(inputs)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The inputs of workflow {@code $L}: {@code inputs.body}, {@code inputs.params}, ...\n",
                workflowId)
            .recordConstructor(canonical.build());
    passed.ifPresent(
        p -> {
          record.addJavadoc(
              "\n<p>Called by $L, whose {@code args} are its inputs ({@code args} is null for a"
                  + " request).\n",
              String.join(", ", p.callers()));
          record.addMethod(
              MethodSpec.constructorBuilder()
                  .addModifiers(Modifier.PUBLIC)
                  .addJavadoc("The inputs of a request the server received.\n")
                  .addParameter(body.javaType(), "body")
                  .addParameter(Names.REQUEST_PARTS, "parts")
                  .addStatement("this(body, parts, null)")
                  .build());
        });
    List<CodeBlock> toJson = new ArrayList<>(List.of(CodeBlock.of("$S, body", "body")));
    List<CodeBlock> fromJson = new ArrayList<>();
    for (String part : PARTS) {
      String accessor = FunctionNames.lowerCamel(part);
      record.addMethod(
          MethodSpec.methodBuilder(accessor)
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc("{@code inputs.$L}.\n", part)
              .returns(part.equals("raw_body") ? ClassName.get(String.class) : Names.JSON_NODE)
              .addStatement("return parts.$L()", accessor)
              .build());
      toJson.add(CodeBlock.of("$S, $L()", part, accessor));
      CodeBlock member = CodeBlock.of("$T.member(args, $S)", Names.JS, part);
      fromJson.add(
          part.equals("raw_body") ? CodeBlock.of("$T.asString($L)", Names.JS, member) : member);
    }
    if (bodyAsJson) {
      // The cases of a switch on the event type read fields the bound class does not declare.
      record.addMethod(
          MethodSpec.methodBuilder("bodyJson")
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  "{@code inputs.body} as JSON, as the cases of a switch on the event type read"
                      + " it.\n")
              .returns(Names.JSON_NODE)
              .addStatement("return $T.node(body)", Names.JS)
              .build());
    }
    passed.ifPresent(p -> p.keys().values().forEach(key -> record.addMethod(passedKey(key))));
    MethodSpec toJsonMethod = toJsonMethod(toJson);
    if (passed.isPresent()) {
      // As a calling task passed them, they are exactly its args, as in Godspeed.
      toJsonMethod =
          MethodSpec.methodBuilder("toJson")
              .addAnnotation(Names.JSON_VALUE)
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  "These inputs as one JSON object, as Java functions see them: the calling task's"
                      + " {@code args} exactly.\n")
              .returns(Names.JSON_NODE)
              .beginControlFlow("if (args != null)")
              .addStatement("return args")
              .endControlFlow()
              .addCode(toJsonMethod.code())
              .build();
    }
    record.addMethod(toJsonMethod).addMethod(fromJson(inputs, body, fromJson, passed.isPresent()));
    return JavaFile.builder(inputs.packageName(), record.build()).skipJavaLangImports(true).build();
  }

  /** The accessor of a key that calling tasks pass: read from their args with its type. */
  private static MethodSpec passedKey(ExprType.PojoType.Property key) {
    ExprType type = key.type();
    CodeBlock node = CodeBlock.of("$T.member(args, $S)", Names.JS, key.name());
    String conversion =
        type instanceof ExprType.StringType
            ? "asString"
            : type instanceof ExprType.IntegerType
                ? "asLong"
                : type instanceof ExprType.NumberType
                    ? "asDecimal"
                    : type instanceof ExprType.BooleanType ? "asBoolean" : null;
    return MethodSpec.methodBuilder(key.getter())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "{@code inputs.$L}, as the calling tasks pass it; null when absent.\n", key.name())
        .returns(type.javaType())
        .addStatement(
            conversion == null
                ? CodeBlock.of("return $L", node)
                : CodeBlock.of("return $T.$N($L)", Names.JS, conversion, node))
        .build();
  }

  /**
   * The {@code toJson()} of a generated inputs record: {@code members} as name, value pairs in one
   * JSON object, which is also what {@code <% inputs %>} as a value serialises to.
   */
  static MethodSpec toJsonMethod(List<CodeBlock> members) {
    return MethodSpec.methodBuilder("toJson")
        .addAnnotation(Names.JSON_VALUE)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("These inputs as one JSON object, as Java functions see them.\n")
        .returns(Names.JSON_NODE)
        .addStatement(
            "return $L", Widths.call(4, "return ", CodeBlock.of("$T.object(", Names.JS), members))
        .build();
  }

  /**
   * @param parts the arguments of {@code RequestParts.of}, read from {@code args}
   */
  private static MethodSpec fromJson(
      ClassName inputs, ExprType body, List<CodeBlock> parts, boolean keepsArgs) {
    CodeBlock bodyValue =
        body instanceof ExprType.DynamicType
            ? CodeBlock.of("$T.member(args, $S)", Names.JS, "body")
            : CodeBlock.of(
                "$T.bind($T.member(args, $S), $T.class)",
                Names.JSON,
                Names.JS,
                "body",
                body.javaType());
    return MethodSpec.methodBuilder("fromJson")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The inputs a calling task passes as its {@code args}.\n")
        .returns(inputs)
        .addParameter(Names.JSON_NODE, "args")
        .addStatement(
            "return new $T(\n$L,\n$T.of(\n$>$>$L)$<$<$L)",
            inputs,
            bodyValue,
            Names.REQUEST_PARTS,
            CodeBlock.join(parts, ",\n"),
            keepsArgs ? ",\nargs" : "")
        .build();
  }
}
