package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.contract.HttpSettings;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Emits a checked project: compiles every workflow's expressions, derives the Java function
 * contracts from their calls, then emits workflows, contracts, controllers and the application.
 */
public final class ProjectEmitter {
  /** {@code inputs.delivery} on a route whose authn identifies deliveries. */
  static final ExprType DELIVERY = deliveryType();

  private static final RouteGuard OPEN = new RouteGuard(Optional.empty(), Optional.empty());
  private final Names names;
  private final FunctionTable functions;
  private final ExpressionCompiler expressions;
  private final Diagnostics diagnostics;
  private final ExprType config;
  private final Guards guards;

  /**
   * @param config the type of {@code config.*}: the shape of {@code config/default.yaml}
   */
  public ProjectEmitter(
      Names names, Diagnostics diagnostics, FunctionTable functions, ExprType config) {
    this(names, diagnostics, functions, config, Guards.none());
  }

  /**
   * @param config the type of {@code config.*}: the shape of {@code config/default.yaml}
   * @param guards what stands before each event's controller (authentication, idempotency, async
   *     delivery)
   */
  public ProjectEmitter(
      Names names,
      Diagnostics diagnostics,
      FunctionTable functions,
      ExprType config,
      Guards guards) {
    this.guards = guards;
    this.names = names;
    this.functions = functions;
    this.diagnostics = diagnostics;
    this.config = config;
    this.expressions = new ExpressionCompiler(diagnostics);
  }

  /**
   * Emits the project's controllers, workflows and application class.
   *
   * @param bodyTypes each event's body type
   * @param bodyValidators the validator class of each event that declares a body schema
   * @param workflowBodies the type of each workflow's {@code inputs.body}
   * @param controllerContracts what each event's controller enforces besides its body schema
   * @param settings the server settings from {@code http.yaml}
   * @param workflowParameters by workflow id, the types of its {@code inputs.params}, {@code
   *     inputs.query}, {@code inputs.headers} and {@code inputs.cookies}; dynamic when absent
   * @param hooks the workflows that answer validation errors, and which events they answer for
   */
  public List<GeneratedSource> emit(
      Project project,
      Map<Event, ExprType> bodyTypes,
      Map<Event, ClassName> bodyValidators,
      Map<String, ExprType> workflowBodies,
      Map<Event, ControllerContract> controllerContracts,
      HttpSettings settings,
      Map<String, Map<String, ExprType>> workflowParameters,
      ValidationHooks hooks) {
    List<GeneratedSource> sources = new ArrayList<>();
    WorkflowCompiler compiler = new WorkflowCompiler(functions, expressions, diagnostics, config);
    Map<Workflow, WorkflowCompiler.CompiledWorkflow> compiled = new LinkedHashMap<>();
    List<Workflow> all = new ArrayList<>(project.workflows());
    // Inline hooks are workflows of their own, which no task can name.
    hooks.workflows().keySet().stream().filter(w -> !all.contains(w)).forEach(all::add);
    Map<String, List<Event>> servedEvents = new LinkedHashMap<>();
    for (Event event : project.events()) {
      handlingWorkflow(event)
          .ifPresent(w -> servedEvents.computeIfAbsent(w.id(), id -> new ArrayList<>()).add(event));
    }
    for (Workflow workflow : all) {
      ExprType body = workflowBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC);
      ExprType inputs =
          hooks
              .kind(workflow)
              .map(kind -> HookInputs.type(names.workflowInputs(workflow), kind))
              .orElseGet(
                  () ->
                      inputsType(
                          workflow,
                          body,
                          workflowParameters.getOrDefault(workflow.id(), Map.of()),
                          delivery(workflow, servedEvents.getOrDefault(workflow.id(), List.of()))));
      compiled.put(
          workflow,
          compiler.compile(
              workflow, inputs, WorkflowEmitter.outputsClass(names.workflow(workflow))));
    }
    Map<String, JavaFunctionContract> contracts = new TreeMap<>();
    compiled.forEach(
        (workflow, tasks) -> {
          collectCalls(workflow, tasks.tasks(), contracts);
          tasks.onError().ifPresent(o -> collectCalls(workflow, o.tasks(), contracts));
        });
    contracts.values().forEach(c -> c.files().forEach(f -> sources.add(GeneratedSource.of(f))));
    WorkflowEmitter workflows = new WorkflowEmitter(names, contracts);
    List<JavaFile> files = new ArrayList<>();
    compiled.forEach(
        (workflow, tasks) -> {
          ClassName inputs = names.workflowInputs(workflow);
          files.add(
              hooks
                  .kind(workflow)
                  .map(kind -> HookInputs.emit(inputs, kind, workflow.id()))
                  .orElseGet(
                      () ->
                          WorkflowEmitter.inputs(
                              inputs,
                              workflowBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC),
                              workflow.id())));
          files.add(workflows.emit(workflow, inputs, tasks));
        });
    ControllerEmitter controllers = new ControllerEmitter(names);
    List<Event> served = new ArrayList<>();
    for (Event event : project.events()) {
      Optional<Workflow> workflow = handlingWorkflow(event);
      if (workflow.isEmpty()) {
        continue;
      }
      served.add(event);
      files.add(
          controllers.emit(
              event,
              bodyTypes.getOrDefault(event, ExprType.DYNAMIC),
              Optional.ofNullable(bodyValidators.get(event)),
              workflow.get(),
              workflowBodies.getOrDefault(workflow.get().id(), ExprType.DYNAMIC),
              controllerContracts.get(event),
              hooks,
              guard(event).authn().flatMap(GuardEmitter::deliveryIdentity)));
    }
    sources.addAll(GeneratedSource.ofAll(files));
    sources.add(
        GeneratedSource.of(
            new ApplicationEmitter(names, guards).emit(served, controllerContracts, settings)));
    return sources;
  }

  private Optional<Workflow> handlingWorkflow(Event event) {
    return event
        .fn()
        .flatMap(fn -> functions.resolve(fn.name()))
        .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
        .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
  }

  private static ExprType deliveryType() {
    Map<String, ExprType> fields = new LinkedHashMap<>();
    fields.put("scheme", ExprType.STRING);
    fields.put("id", ExprType.STRING);
    fields.put("timestamp", ExprType.INTEGER);
    fields.put("event", ExprType.STRING);
    return new ExprType.ObjectType(fields);
  }

  private RouteGuard guard(Event event) {
    return guards.routes().getOrDefault(event, OPEN);
  }

  /**
   * {@code inputs.delivery} of {@code workflow}, which {@code servedEvents} run: typed when every
   * one identifies its deliveries; a build error to read when one does not; dynamic when there are
   * none, since a calling task then passes it.
   */
  private ExprType.PojoType.Property delivery(Workflow workflow, List<Event> servedEvents) {
    for (Event event : servedEvents) {
      Optional<String> why = guard(event).whyNoDelivery();
      if (why.isPresent()) {
        return ExprType.PojoType.Property.unavailable(
            "delivery",
            "delivery",
            "inputs.delivery is not available: workflow '"
                + workflow.id()
                + "' serves "
                + event.method()
                + " "
                + event.path()
                + ", and "
                + why.get(),
            RouteGuard.DELIVERY_HINT + ", or read inputs.headers");
      }
    }
    return new ExprType.PojoType.Property(
        "delivery", servedEvents.isEmpty() ? ExprType.DYNAMIC : DELIVERY, "delivery", true);
  }

  private ExprType inputsType(
      Workflow workflow,
      ExprType body,
      Map<String, ExprType> parameters,
      ExprType.PojoType.Property delivery) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    properties.put("body", new ExprType.PojoType.Property("body", body, "body", true));
    for (String name : List.of("params", "query", "headers", "user", "cookies")) {
      ExprType type = parameters.getOrDefault(name, ExprType.DYNAMIC);
      properties.put(name, new ExprType.PojoType.Property(name, type, name, true));
    }
    // Text, since signatures are computed over it; null when a calling task passes none.
    properties.put(
        "raw_body", new ExprType.PojoType.Property("raw_body", ExprType.STRING, "rawBody", false));
    properties.put("delivery", delivery);
    return new ExprType.PojoType(names.workflowInputs(workflow), properties, false);
  }

  private static void collectCalls(
      Workflow workflow, List<CompiledTask> tasks, Map<String, JavaFunctionContract> contracts) {
    for (CompiledTask task : tasks) {
      if (task.function().orElse(null) instanceof ResolvedFunction.JavaFunction java) {
        contracts
            .computeIfAbsent(java.name(), n -> new JavaFunctionContract(java))
            .addCall(workflow.id() + "." + task.task().id(), task.namedArgs());
      }
      collectCalls(workflow, task.nested(), contracts);
    }
  }
}
