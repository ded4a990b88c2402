package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundJavaFunction;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.bind.BoundStatements;
import dev.hookc.compiler.bind.BoundWorkflow;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Emits a bound project: validators and payload classes, the Java function contracts bound from the
 * workflows' calls, then workflows, controllers, the application and the configuration. Reads the
 * bound project only; every decision, and every mistake, was made before.
 */
public final class ProjectEmitter {
  private static final String CONTRACT_UNIT = "function ";

  /** Every source of {@code project}, unsorted. */
  public List<GeneratedSource> emit(BoundProject project) {
    return emit(plan(project));
  }

  /**
   * The sources of {@code units}, in unit order. Units are independent, so they are emitted on
   * every core; the order, and so the output, does not depend on which thread emitted what.
   */
  public static List<GeneratedSource> emit(List<EmitUnit> units) {
    return units.parallelStream().flatMap(unit -> unit.emit().stream()).toList();
  }

  /** The units of the Java function contracts of {@code project} alone. */
  public static List<EmitUnit> contracts(BoundProject project) {
    return new ProjectEmitter()
        .plan(project).stream().filter(u -> u.key().startsWith(CONTRACT_UNIT)).toList();
  }

  /**
   * The units of {@code project}, each with the files its content depends on; nothing is emitted
   * until a unit's {@link EmitUnit#emit} is called.
   */
  public List<EmitUnit> plan(BoundProject project) {
    Names names = project.names();
    Set<String> everything = Set.of(EmitUnit.EVERY_INPUT);
    ValidatorSources validators = new ValidatorSources(project);
    List<EmitUnit> units = new ArrayList<>();
    // A contract is typed by every call, so it depends on everything its calling workflows do.
    Map<String, Set<String>> contractOrigins = new TreeMap<>();
    project
        .javaFunctions()
        .forEach(
            (name, contract) ->
                contractOrigins.put(name, new TreeSet<>(Set.of(contract.function().sourcePath()))));
    for (BoundWorkflow workflow : project.workflows()) {
      Set<String> called = new TreeSet<>();
      collectCalls(workflow.compiled().tasks(), called);
      workflow.compiled().onError().ifPresent(o -> collectCalls(o.tasks(), called));
      called.forEach(
          name -> {
            Set<String> origins = contractOrigins.get(name);
            if (origins != null) {
              origins.addAll(workflow.origins());
            }
          });
    }
    project
        .javaFunctions()
        .forEach(
            (name, contract) ->
                units.add(
                    new EmitUnit(
                        CONTRACT_UNIT + name,
                        contractOrigins.get(name),
                        () ->
                            JavaFunctionContract.files(contract).stream()
                                .map(GeneratedSource::of)
                                .toList())));
    WorkflowEmitter workflows = new WorkflowEmitter(names, project.javaFunctions());
    for (BoundWorkflow workflow : project.workflows()) {
      units.add(
          new EmitUnit(
              "workflow " + workflow.type().canonicalName(),
              workflow.origins(),
              Optional.of(workflow.workflow().file()),
              () -> GeneratedSource.ofAll(workflowFiles(workflows, workflow))));
    }
    // A typed statements class depends on its datasource's YAML and migrations alone.
    for (BoundStatements statements : project.statements()) {
      units.add(
          new EmitUnit(
              "statements " + statements.type().canonicalName(),
              statements.origins(),
              () -> List.of(GeneratedSource.of(StatementsEmitter.emit(statements)))));
    }
    Map<String, ExprType> workflowBodies = new LinkedHashMap<>();
    project.workflows().forEach(w -> workflowBodies.put(w.workflow().id(), w.body()));
    ControllerEmitter controllers = new ControllerEmitter(names);
    List<Event> served = new ArrayList<>();
    Map<Event, ControllerContract> controllerContracts = new LinkedHashMap<>();
    for (BoundEvent event : project.events()) {
      // A route handed to Kafka, or an outbox route that only forwards, has no workflow, and is
      // served all the same.
      boolean forwards = event.event().guard().async().flatMap(a -> a.forward()).isPresent();
      if (event.workflow().isPresent() || event.event().guard().kafka().isPresent() || forwards) {
        served.add(event.event());
        controllerContracts.put(event.event(), event.contract());
      }
      units.add(
          new EmitUnit(
              "event " + event.controller().canonicalName(),
              event.origins(),
              Optional.of(event.event().file()),
              () -> {
                List<GeneratedSource> sources = new ArrayList<>(validators.emit(event));
                event
                    .workflow()
                    .ifPresent(
                        workflow ->
                            sources.add(
                                GeneratedSource.of(
                                    controller(
                                        controllers, project, event, workflow, workflowBodies))));
                return sources;
              }));
    }
    // Project-wide classes: which definitions are in use, which routes exist and what the
    // configuration holds span the whole project, so any change regenerates them.
    units.add(new EmitUnit("shared definitions", everything, validators::emitShared));
    units.add(
        new EmitUnit(
            "application",
            everything,
            () ->
                List.of(
                    GeneratedSource.of(
                        new ApplicationEmitter(names, project.guards())
                            .emit(
                                served,
                                controllerContracts,
                                project.settings(),
                                project.javaFunctions().values().stream()
                                    .map(BoundJavaFunction::interfaceName)
                                    .sorted(Comparator.comparing(ClassName::canonicalName))
                                    .toList(),
                                project.datasources(),
                                project.kafkaSources(),
                                project.apiDocs().title())))));
    units.add(
        new EmitUnit(
            "configuration",
            everything,
            () -> List.of(new ConfigEmitter(names).emit(project.config()))));
    return units;
  }

  /**
   * What the application class says of each served event, by event: its route, its secrets, and
   * when its deliveries are queued, its inbox. The application is the same in two builds whose
   * events give the same texts, whose {@code http.yaml} is the same and whose workflows call the
   * same Java functions.
   */
  public static Map<Event, String> routes(BoundProject project) {
    ApplicationEmitter application = new ApplicationEmitter(project.names(), project.guards());
    Map<Event, String> routes = new LinkedHashMap<>();
    for (BoundEvent event : project.servedEvents()) {
      routes.put(
          event.event(), application.describe(event.event(), event.contract(), project.settings()));
    }
    return routes;
  }

  private static List<JavaFile> workflowFiles(WorkflowEmitter workflows, BoundWorkflow workflow) {
    JavaFile inputs =
        workflow
            .hook()
            .map(kind -> HookInputs.emit(workflow.inputs(), kind, workflow.workflow().id()))
            .orElseGet(
                () ->
                    WorkflowEmitter.inputs(
                        workflow.inputs(),
                        workflow.body(),
                        workflow.workflow().id(),
                        workflow.passed(),
                        workflow.compiled().readsBodyAsJson()));
    return List.of(
        inputs, workflows.emit(workflow.workflow(), workflow.inputs(), workflow.compiled()));
  }

  private static JavaFile controller(
      ControllerEmitter controllers,
      BoundProject project,
      BoundEvent event,
      Workflow workflow,
      Map<String, ExprType> workflowBodies) {
    return controllers.emit(
        event.event(),
        event.bodyType(),
        event.body().map(b -> b.validator()),
        workflow,
        workflowBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC),
        event.contract(),
        project.hooks(),
        event.event().subscription().isPresent()
            ? Optional.of(GuardEmitter.recordIdentity())
            : event.event().guard().authn().flatMap(GuardEmitter::deliveryIdentity));
  }

  private static void collectCalls(List<CompiledTask> tasks, Set<String> called) {
    for (CompiledTask task : tasks) {
      if (task.function().orElse(null) instanceof ResolvedFunction.JavaFunction java) {
        called.add(java.name());
      }
      collectCalls(task.nested(), called);
    }
  }
}
