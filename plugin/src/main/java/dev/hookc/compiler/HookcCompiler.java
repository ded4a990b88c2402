package dev.hookc.compiler;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.check.ConfigChecker;
import dev.hookc.compiler.check.FlowChecker;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.GuardChecker;
import dev.hookc.compiler.check.ProjectChecker;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.check.ReturnChecker;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.emit.ConfigEmitter;
import dev.hookc.compiler.emit.ControllerContract;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.Names;
import dev.hookc.compiler.emit.ProjectEmitter;
import dev.hookc.compiler.emit.ValidationHooks;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.load.ProjectLoader;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.schema.SharedDefinitions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compiler's entry: loads the project, checks it, and generates its Java. Pure: it reads the
 * request's directories and returns sources; writing them is the caller's job.
 */
public final class HookcCompiler {

  /** Compiles the project described by {@code request}. */
  public CompileResult compile(CompileRequest request) {
    Diagnostics diagnostics = new Diagnostics();
    Project project =
        new ProjectLoader(request.projectDirectory(), diagnostics)
            .load(
                request.eventsDirectory(),
                request.functionsDirectory(),
                request.definitionsDirectory(),
                request.projectDirectory().resolve("config"));
    FunctionTable functions =
        new FunctionTable(
            project,
            request.projectDirectory(),
            request.javaSourceDirectory(),
            request.packageName());
    Map<ValidationHook.Kind, ValidationHook> defaultHooks = project.http().hooks();
    new ProjectChecker(diagnostics, functions).check(project, defaultHooks);
    new FlowChecker(diagnostics).check(project);
    ConfigFiles config = project.config();
    new ConfigChecker(diagnostics).check(config);
    new GuardChecker(diagnostics).check(project.events());
    Map<Event, RouteGuard> routes = new LinkedHashMap<>();
    project.events().forEach(e -> routes.put(e, e.guard()));
    Guards guards =
        new Guards(
            routes,
            project.http().storeUrl(),
            project.http().dataDirectory(),
            project.http().adminToken());
    ValidationHooks hooks = HookWorkflows.of(project, defaultHooks, functions);

    Names names = new Names(request.packageName());
    List<GeneratedSource> sources = new ArrayList<>();
    Map<Event, ExprType> bodyTypes = new LinkedHashMap<>();
    Map<Event, ClassName> bodyValidators = new LinkedHashMap<>();
    // Each shared definition's validator methods are generated once, in a class that every
    // validator referring to it calls, rather than copied into each of them.
    SharedDefinitions shared =
        new SharedDefinitions(project.definitions(), names.packageName() + ".validation");
    Set<String> usedDefinitions = new TreeSet<>();
    new BodySources(names, diagnostics)
        .generate(project, shared, sources, bodyTypes, bodyValidators, usedDefinitions);
    HttpSettings settings = project.http().settings();
    Map<Event, ControllerContract> contracts =
        new ContractSources(names, diagnostics, shared, usedDefinitions)
            .generate(project, settings, sources);
    shared.generate(usedDefinitions).forEach(file -> sources.add(GeneratedSource.of(file)));
    Map<String, ExprType> workflowBodies = workflowBodies(project, functions, bodyTypes);
    List<GeneratedSource> emitted =
        new ProjectEmitter(names, diagnostics, functions, ConfigEmitter.type(config), guards)
            .emit(
                project,
                bodyTypes,
                bodyValidators,
                workflowBodies,
                contracts,
                settings,
                WorkflowParameters.of(project, functions, contracts),
                hooks);
    sources.addAll(emitted);
    sources.add(new ConfigEmitter(names).emit(config));
    new ReturnChecker(diagnostics, functions).check(project);
    if (diagnostics.hasErrors()) {
      return new CompileResult(diagnostics.sorted(), List.of());
    }
    sources.sort(Comparator.comparing(GeneratedSource::path));
    return new CompileResult(diagnostics.sorted(), sources);
  }

  /**
   * The body type each workflow's {@code inputs.body} has: the payload class when every event that
   * calls it sends the same one and no task calls it; otherwise dynamic.
   */
  private static Map<String, ExprType> workflowBodies(
      Project project, FunctionTable functions, Map<Event, ExprType> bodyTypes) {
    Map<String, Optional<ExprType>> seen = new LinkedHashMap<>();
    for (Event event : project.events()) {
      event
          .fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow().id())
          .ifPresent(
              id ->
                  seen.merge(
                      id,
                      Optional.of(bodyTypes.get(event)),
                      (a, b) -> a.equals(b) ? a : Optional.empty()));
    }
    project
        .workflows()
        .forEach(
            w ->
                forEachCalledWorkflow(
                    w.outerTasks(), functions, id -> seen.put(id, Optional.empty())));
    Map<String, ExprType> bodies = new LinkedHashMap<>();
    project
        .workflows()
        .forEach(
            w ->
                bodies.put(
                    w.id(), seen.getOrDefault(w.id(), Optional.empty()).orElse(ExprType.DYNAMIC)));
    return bodies;
  }

  private static void forEachCalledWorkflow(
      List<dev.hookc.compiler.model.Task> tasks,
      FunctionTable functions,
      java.util.function.Consumer<String> action) {
    for (dev.hookc.compiler.model.Task task : tasks) {
      task.fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .ifPresent(f -> action.accept(((ResolvedFunction.WorkflowFunction) f).workflow().id()));
      forEachCalledWorkflow(task.nested(), functions, action);
    }
  }
}
