package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ConfigChecker;
import dev.hookc.compiler.check.FlowChecker;
import dev.hookc.compiler.check.FunctionConstructors;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.GuardChecker;
import dev.hookc.compiler.check.ProjectChecker;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.check.ReturnChecker;
import dev.hookc.compiler.datasource.DatasourceCode;
import dev.hookc.compiler.datasource.SqlChecker;
import dev.hookc.compiler.datasource.StatementShape;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.schema.SchemaDefinitions;
import dev.hookc.compiler.schema.SchemaReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a loaded project, reporting every mistake: the semantic checks, every schema, and the type
 * of every {@code <% %>} expression, which is compiled here against the inputs its workflow has.
 * What it finds out on the way is the {@link Analysis} that binding builds on; nothing after it
 * reports.
 */
public final class Analyzer {
  private final Names names;
  private final Diagnostics diagnostics;

  /**
   * @param names how generated types are named, which expressions refer to
   */
  public Analyzer(Names names, Diagnostics diagnostics) {
    this.names = names;
    this.diagnostics = diagnostics;
  }

  /** Checks {@code project}, whose {@code fn}s resolve in {@code functions}. */
  public Analysis analyze(Project project, FunctionTable functions) {
    Map<ValidationHook.Kind, ValidationHook> defaultHooks = project.http().hooks();
    new ProjectChecker(diagnostics, functions).check(project, defaultHooks);
    new FlowChecker(diagnostics).check(project);
    new ConfigChecker(diagnostics).check(project.config());
    new GuardChecker(diagnostics).check(project.events());
    new dev.hookc.compiler.check.DocsPathChecker(diagnostics)
        .check(project.events(), project.http().settings());
    ValidationHooks hooks = HookWorkflows.of(project, defaultHooks, functions);
    Map<Event, EventSchemas> schemas = new EventSchemaReader(names, diagnostics).read(project);
    Map<Event, ExprType> bodyTypes = new LinkedHashMap<>();
    schemas.forEach((event, read) -> bodyTypes.put(event, read.bodyType()));
    Map<String, ExprType> workflowBodies = WorkflowBodies.of(project, functions, bodyTypes);
    Map<String, ExprType> eventBodies = WorkflowBodies.sentByEvents(project, functions, bodyTypes);
    new IdempotencyKeys(new ExpressionCompiler(diagnostics)).check(project.events(), bodyTypes);
    project
        .http()
        .storeDatasource()
        .filter(name -> !(project.datasources().get(name.value()) instanceof Datasource.Jdbc))
        .ifPresent(
            name ->
                diagnostics.report(
                    DatasourceCode.STORE_DATASOURCE,
                    name.location(),
                    "the store cannot be on '"
                        + name.value()
                        + "': src/datasources has no jdbc datasource of that name",
                    "jdbc datasources: "
                        + String.join(
                            ", ",
                            project.datasources().values().stream()
                                .filter(Datasource.Jdbc.class::isInstance)
                                .map(Datasource::name)
                                .toList())));
    // Each response schema is read as any other, so that its mistakes are reported at their place.
    SchemaReader responses = new SchemaReader(diagnostics);
    for (Datasource datasource : project.datasources().values()) {
      if (datasource instanceof Datasource.Http http) {
        http.operations()
            .values()
            .forEach(o -> o.response().ifPresent(r -> responses.read(r, project.definitions())));
      }
    }
    Map<String, Map<String, StatementShape>> statements = new LinkedHashMap<>();
    SqlChecker sql = new SqlChecker(diagnostics);
    for (Datasource datasource : project.datasources().values()) {
      if (datasource instanceof Datasource.Jdbc jdbc) {
        statements.put(jdbc.name(), sql.check(jdbc));
      }
    }
    Map<String, PassedInputs> passed = new LinkedHashMap<>();
    Map<Workflow, CompiledWorkflow> workflows =
        compile(project, functions, hooks, workflowBodies, eventBodies, statements, passed);
    new ReturnChecker(diagnostics, functions).check(project);
    new FunctionConstructors(diagnostics, project.datasources().values(), names.packageName())
        .check(calledJavaFunctions(workflows.values()));
    // Read once more, together, so that what they share is generated once. Their mistakes are
    // reported where a schema that uses them reads them; one that nothing uses generates nothing.
    SchemaDefinitions definitions =
        new SchemaReader(new Diagnostics()).readDefinitions(project.definitions());
    return new Analysis(
        functions,
        hooks,
        schemas,
        workflowBodies,
        workflows,
        passed,
        definitions,
        ConfigJson.of(project.config()),
        statements,
        definitionJson(project));
  }

  /** The shared definitions as JSON text, converted once, while the YAML is at hand. */
  private static Map<String, String> definitionJson(Project project) {
    Map<String, String> json = new java.util.TreeMap<>();
    project
        .definitions()
        .forEach(
            (name, node) ->
                json.put(
                    name,
                    dev.hookc.compiler.json.JsonTrees.compact(
                        dev.hookc.compiler.yaml.YamlJson.toJson(node))));
    return json;
  }

  /** The Java functions the compiled workflows call, by name. */
  private static java.util.Collection<ResolvedFunction.JavaFunction> calledJavaFunctions(
      java.util.Collection<CompiledWorkflow> workflows) {
    Map<String, ResolvedFunction.JavaFunction> called = new java.util.TreeMap<>();
    for (CompiledWorkflow workflow : workflows) {
      collectCalls(workflow.tasks(), called);
      workflow.onError().ifPresent(o -> collectCalls(o.tasks(), called));
    }
    return called.values();
  }

  private static void collectCalls(
      List<CompiledTask> tasks, Map<String, ResolvedFunction.JavaFunction> called) {
    for (CompiledTask task : tasks) {
      if (task.function().orElse(null) instanceof ResolvedFunction.JavaFunction java) {
        called.putIfAbsent(java.name(), java);
      }
      collectCalls(task.nested(), called);
    }
  }

  /** Compiles every workflow, inline hooks included, against the inputs it has. */
  private Map<Workflow, CompiledWorkflow> compile(
      Project project,
      FunctionTable functions,
      ValidationHooks hooks,
      Map<String, ExprType> workflowBodies,
      Map<String, ExprType> eventBodies,
      Map<String, Map<String, StatementShape>> statements,
      Map<String, PassedInputs> passed) {
    WorkflowCompiler compiler =
        new WorkflowCompiler(
            functions,
            new ExpressionCompiler(diagnostics),
            diagnostics,
            ConfigType.of(project.config()),
            new FunctionResults(project.javaSources()),
            new DatasourceArgs(diagnostics, statements));
    WorkflowInputs inputs = new WorkflowInputs(names);
    Map<String, Map<String, ExprType>> parameters = WorkflowParameters.of(project, functions);
    List<Workflow> all = new ArrayList<>(project.workflows());
    // Inline hooks are workflows of their own, which no task can name.
    hooks.workflows().keySet().stream().filter(w -> !all.contains(w)).forEach(all::add);
    Map<String, List<Event>> servedEvents = new LinkedHashMap<>();
    for (Event event : project.events()) {
      WorkflowInputs.handlingWorkflow(event, functions)
          .ifPresent(w -> servedEvents.computeIfAbsent(w.id(), id -> new ArrayList<>()).add(event));
    }
    // Callers first: a called workflow's inputs are typed from its callers' compiled args.
    Map<Workflow, CompiledWorkflow> byOrder = new LinkedHashMap<>();
    Map<String, List<CalledInputs.Call>> calls = new LinkedHashMap<>();
    CalledInputs called = new CalledInputs(diagnostics);
    for (Workflow workflow : WorkflowCalls.order(all, functions)) {
      List<Event> served = servedEvents.getOrDefault(workflow.id(), List.of());
      Optional<ValidationHook.Kind> hook = hooks.kind(workflow);
      ExprType type =
          hook.map(kind -> HookInputTypes.type(names.workflowInputs(workflow), kind))
              .orElseGet(
                  () ->
                      inputs.type(
                          workflow,
                          workflowBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC),
                          parameters.getOrDefault(workflow.id(), Map.of()),
                          served));
      List<CalledInputs.Call> callers = calls.getOrDefault(workflow.id(), List.of());
      CompiledWorkflow result;
      if (hook.isEmpty() && !callers.isEmpty()) {
        // What its events send, with the body their schemas give it, against which callers'
        // args are checked.
        ExprType sent =
            inputs.type(
                workflow,
                eventBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC),
                parameters.getOrDefault(workflow.id(), Map.of()),
                served);
        CalledInputs.Typed typed =
            called.type(
                workflow,
                names.workflowInputs(workflow),
                served.isEmpty() ? Optional.empty() : Optional.of((ExprType.PojoType) sent),
                served,
                callers);
        passed.put(workflow.id(), typed.passed());
        result =
            compiler.compile(
                workflow, typed.type(), names.workflowOutputs(workflow), typed.unpassed());
      } else {
        // Run by routes only (a called one's inputs are what its callers pass): a switch on the
        // event type its routes accept narrows its body in each case.
        result =
            compiler.compile(
                workflow,
                type,
                names.workflowOutputs(workflow),
                n -> Optional.empty(),
                hook.isPresent() ? Optional.empty() : EventTypeSwitch.of(served, diagnostics));
      }
      byOrder.put(workflow, result);
      WorkflowCalls.collect(workflow, result, calls);
    }
    Map<Workflow, CompiledWorkflow> compiled = new LinkedHashMap<>();
    all.forEach(w -> compiled.put(w, byOrder.get(w)));
    return compiled;
  }
}
