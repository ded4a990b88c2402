package dev.hookc.compiler.analysis;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.check.FlowCode;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.model.OnError;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Compiles the expressions of a workflow's tasks in the order they run, each against the scope of
 * the tasks that have certainly run before it: a parallel branch does not see its siblings, a
 * conditional branch's tasks are not seen after it, and a loop's tasks see {@code task_value}.
 */
final class WorkflowCompiler {
  private final FunctionTable functions;
  private final ExpressionCompiler expressions;
  private final Diagnostics diagnostics;
  private final ExprType config;
  private final FunctionResults results;
  private final DatasourceArgs datasources;

  /**
   * @param config the type of {@code config}: its shape from {@code config/default.yaml}
   * @param results the types of the Java functions' results
   * @param datasources checks datasource tasks' args and types their results
   */
  WorkflowCompiler(
      FunctionTable functions,
      ExpressionCompiler expressions,
      Diagnostics diagnostics,
      ExprType config,
      FunctionResults results,
      DatasourceArgs datasources) {
    this.results = results;
    this.datasources = datasources;
    this.functions = functions;
    this.expressions = expressions;
    this.diagnostics = diagnostics;
    this.config = config;
  }

  /**
   * Compiles {@code workflow}'s tasks, whose {@code inputs} have type {@code inputs}; {@code
   * unpassed} says why an input that a called workflow reads is not there.
   */
  CompiledWorkflow compile(
      Workflow workflow,
      ExprType inputs,
      ClassName outputsClass,
      Function<String, Optional<Scope.Unpassed>> unpassed) {
    return compile(workflow, inputs, outputsClass, unpassed, Optional.empty());
  }

  /**
   * Compiles {@code workflow} as above; {@code eventTypes}, when its routes declare the event types
   * they accept, narrows {@code inputs.body} in the cases of a switch on the type.
   */
  CompiledWorkflow compile(
      Workflow workflow,
      ExprType inputs,
      ClassName outputsClass,
      Function<String, Optional<Scope.Unpassed>> unpassed,
      Optional<EventTypeSwitch> eventTypes) {
    Set<String> all = new HashSet<>();
    collectIds(workflow.outerTasks(), all);
    Map<String, ExprType.PojoType> typed = new HashMap<>();
    typedResults(workflow.outerTasks(), typed);
    AtomicBoolean narrowed = new AtomicBoolean();
    Unit unit = new Unit(inputs, outputsClass, all, typed, unpassed, eventTypes, narrowed);
    Optional<CompiledTask.CompiledOnError> onError =
        workflow
            .onError()
            .map(o -> onError(unit, o, Optional.empty(), new ArrayList<>(), Optional.empty()));
    List<CompiledTask> tasks =
        sequence(unit, workflow.tasks(), new ArrayList<>(), Optional.empty(), onError);
    return new CompiledWorkflow(tasks, onError, narrowed.get());
  }

  /**
   * What stays the same for every task of one workflow.
   *
   * @param results the results of its tasks whose data has a known type, by task id
   * @param eventTypes the event types its routes accept, when they declare them
   * @param narrowed set when a case reads {@code inputs.body} narrowed to an event type's payload
   */
  private record Unit(
      ExprType inputs,
      ClassName outputsClass,
      Set<String> all,
      Map<String, ExprType.PojoType> results,
      Function<String, Optional<Scope.Unpassed>> unpassed,
      Optional<EventTypeSwitch> eventTypes,
      AtomicBoolean narrowed) {

    /** This unit with {@code inputs.body} narrowed to event type {@code type}'s payload. */
    Unit narrowedTo(String type) {
      return eventTypes
          .flatMap(e -> e.narrowed(inputs, type))
          .map(
              narrower -> {
                narrowed.set(true);
                return new Unit(
                    narrower, outputsClass, all, results, unpassed, eventTypes, narrowed);
              })
          .orElse(this);
    }
  }

  /** Finds the tasks calling a Java function whose declared result gives its data a type. */
  private void typedResults(List<Task> tasks, Map<String, ExprType.PojoType> typed) {
    for (Task task : tasks) {
      task.fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.DatasourceTask.class::isInstance)
          .flatMap(f -> datasources.shape((ResolvedFunction.DatasourceTask) f))
          .ifPresent(shape -> typed.put(task.id(), TaskScope.result(shape.data())));
      task.fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.DatasourceTask.class::isInstance)
          .flatMap(f -> DatasourceArgs.httpData((ResolvedFunction.DatasourceTask) f))
          .ifPresent(data -> typed.put(task.id(), TaskScope.result(data)));
      task.fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.KafkaPublish.class::isInstance)
          .ifPresent(f -> typed.put(task.id(), TaskScope.result(PublishArgs.DATA)));
      task.fn()
          .flatMap(fn -> functions.resolveCall(fn.name()))
          .filter(ResolvedFunction.JavaFunction.class::isInstance)
          .map(f -> results.data((ResolvedFunction.JavaFunction) f))
          .filter(data -> !(data instanceof ExprType.DynamicType))
          .ifPresent(data -> typed.put(task.id(), TaskScope.result(data)));
      typedResults(task.nested(), typed);
    }
  }

  /**
   * Compiles tasks that run one after the other; {@code earlier} grows by what each makes readable.
   */
  private List<CompiledTask> sequence(
      Unit unit,
      List<Task> tasks,
      List<String> earlier,
      Optional<ExprType> taskValue,
      Optional<CompiledTask.CompiledOnError> inherited) {
    List<CompiledTask> compiled = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Set<String> later = new HashSet<>();
      collectIds(tasks.subList(i, tasks.size()), later);
      CompiledTask task = task(unit, tasks.get(i), earlier, later, taskValue, inherited);
      compiled.add(task);
      if (!task.kind().continuesChain()) {
        earlier.add(task.task().id());
      }
      if (task.kind().childrenVisibleAfter()) {
        visibleIds(task.children(), earlier);
      }
    }
    return compiled;
  }

  private CompiledTask task(
      Unit unit,
      Task task,
      List<String> earlier,
      Set<String> later,
      Optional<ExprType> taskValue,
      Optional<CompiledTask.CompiledOnError> inherited) {
    TaskScope scope =
        new TaskScope(
            unit.inputs(),
            config,
            taskValue,
            unit.outputsClass(),
            earlier,
            unit.all(),
            later,
            unit.results(),
            unit.unpassed());
    Optional<ResolvedFunction> function = task.fn().flatMap(fn -> functions.resolveCall(fn.name()));
    TaskKind kind = TaskKind.of(task, function);
    if (kind == TaskKind.UPDATE
        && datasources
            .shape((ResolvedFunction.DatasourceTask) function.get())
            .filter(s -> s.returnsRows())
            .isPresent()) {
      kind = TaskKind.QUERY;
    }
    Optional<CompiledValue> args = Optional.empty();
    Map<String, CompiledValue> named = new LinkedHashMap<>();
    if (kind.isStatement()) {
      named.putAll(
          datasources.statement(
              task, (ResolvedFunction.DatasourceTask) function.get(), scope, expressions));
    } else if (kind == TaskKind.HTTP) {
      named.putAll(
          datasources.http(
              task, (ResolvedFunction.DatasourceTask) function.get(), scope, expressions));
    } else if (kind == TaskKind.PUBLISH) {
      named.putAll(new PublishArgs(diagnostics).compile(task, scope, expressions));
    } else if (task.args().isPresent()) {
      if (task.args().get() instanceof YamlMapping mapping
          && (kind == TaskKind.JAVA || kind == TaskKind.LOG)) {
        for (YamlMapping.Entry entry : mapping.entries()) {
          if (kind == TaskKind.JAVA || entry.key().value().equals("data")) {
            expressions
                .compile(entry.value(), scope)
                .ifPresent(v -> named.put(entry.key().value(), v));
          }
        }
      } else if (kind != TaskKind.LOG) {
        args = expressions.compile(task.args().get(), scope);
      }
    }
    Optional<CompiledValue> condition =
        kind == TaskKind.IF || kind == TaskKind.ELIF
            ? task.condition().flatMap(c -> expressions.compileCondition(c, scope))
            : Optional.empty();
    Optional<CompiledValue> value =
        kind == TaskKind.SWITCH || kind.isLoop()
            ? task.value().flatMap(v -> expressions.compile(v, scope))
            : Optional.empty();
    Optional<ExprType> childValue = taskValue;
    if (kind.isLoop() && value.isPresent()) {
      childValue = Optional.of(itemType(task, value.get().type()));
    }
    List<CompiledTask> children;
    if (kind == TaskKind.PARALLEL) {
      // Each branch sees what ran before the parallel task, and nothing of its siblings.
      children = new ArrayList<>();
      for (Task child : task.tasks()) {
        children.addAll(
            sequence(unit, List.of(child), new ArrayList<>(earlier), childValue, inherited));
      }
    } else {
      children = sequence(unit, task.tasks(), new ArrayList<>(earlier), childValue, inherited);
    }
    if (kind == TaskKind.TRANSACTION) {
      datasources.transaction((ResolvedFunction.DatasourceTask) function.get(), children);
    }
    Map<String, List<CompiledTask>> cases = new LinkedHashMap<>();
    boolean onEventType =
        kind == TaskKind.SWITCH && unit.eventTypes().filter(e -> e.isOn(task)).isPresent();
    if (onEventType) {
      unit.eventTypes().get().checkLabels(task);
    }
    task.cases()
        .forEach(
            (key, list) ->
                cases.put(
                    key,
                    sequence(
                        onEventType ? unit.narrowedTo(key) : unit,
                        list,
                        new ArrayList<>(earlier),
                        taskValue,
                        inherited)));
    List<CompiledTask> defaults =
        sequence(unit, task.defaults(), new ArrayList<>(earlier), taskValue, inherited);
    Optional<CompiledTask.CompiledOnError> onError =
        task.onError().isPresent()
            ? task.onError().map(o -> onError(unit, o, Optional.of(task.id()), earlier, taskValue))
            : callsFunction(kind) ? inherited : Optional.empty();
    return new CompiledTask(
        task,
        kind,
        function,
        args,
        named,
        condition,
        value,
        children,
        cases,
        defaults,
        onError,
        taskValue,
        kind == TaskKind.LOG ? logLevel(task) : "info");
  }

  private CompiledTask.CompiledOnError onError(
      Unit unit,
      OnError onError,
      Optional<String> owner,
      List<String> earlier,
      Optional<ExprType> taskValue) {
    TaskScope scope =
        new TaskScope(
            unit.inputs(),
            config,
            taskValue,
            unit.outputsClass(),
            earlier,
            unit.all(),
            Set.of(),
            unit.results(),
            unit.unpassed());
    Optional<CompiledValue> response =
        onError.response().flatMap(r -> expressions.compile(r, scope));
    List<CompiledTask> tasks =
        sequence(unit, onError.tasks(), new ArrayList<>(earlier), taskValue, Optional.empty());
    return new CompiledTask.CompiledOnError(
        owner, onError.continues(), response, tasks, onError.node().location().toString());
  }

  /** The type of {@code task_value}: the list's item type; a JSON value for a dynamic list. */
  private ExprType itemType(Task task, ExprType value) {
    if (value instanceof ExprType.ListType list) {
      return list.element();
    }
    if (value instanceof ExprType.DynamicType) {
      return ExprType.DYNAMIC;
    }
    diagnostics.report(
        FlowCode.LOOP_VALUE_NOT_LIST,
        task.value().get().location(),
        "the 'value' of " + task.fnName() + " must be a list, found " + value.displayName(),
        "loop over a list, e.g. <% inputs.body.items %>");
    return ExprType.DYNAMIC;
  }

  /** The literal {@code level} of a log task; {@code info} when absent (checked elsewhere). */
  private static String logLevel(Task task) {
    return task.args()
        .filter(YamlMapping.class::isInstance)
        .flatMap(a -> ((YamlMapping) a).get("level"))
        .filter(YamlScalar.class::isInstance)
        .map(l -> ((YamlScalar) l).value())
        .orElse("info");
  }

  private static boolean callsFunction(TaskKind kind) {
    return kind == TaskKind.JAVA
        || kind.isStatement()
        || kind == TaskKind.HTTP
        || kind == TaskKind.PUBLISH
        || kind == TaskKind.WORKFLOW
        || kind == TaskKind.TRANSFORM
        || kind == TaskKind.LOG
        || kind == TaskKind.RETURN;
  }

  /** Adds the ids readable after {@code tasks} have run, by the same rules as a sequence. */
  private static void visibleIds(List<CompiledTask> tasks, List<String> ids) {
    for (CompiledTask task : tasks) {
      if (!task.kind().continuesChain()) {
        ids.add(task.task().id());
      }
      if (task.kind().childrenVisibleAfter()) {
        visibleIds(task.children(), ids);
      }
    }
  }

  private static void collectIds(List<Task> tasks, Set<String> ids) {
    for (Task task : tasks) {
      ids.add(task.id());
      collectIds(task.nested(), ids);
    }
  }
}
