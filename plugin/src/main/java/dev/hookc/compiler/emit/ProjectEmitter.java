package dev.hookc.compiler.emit;

import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.bind.BoundWorkflow;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits a bound project: validators and payload classes, the Java function contracts bound from the
 * workflows' calls, then workflows, controllers, the application and the configuration. Reads the
 * bound project only; every decision, and every mistake, was made before.
 */
public final class ProjectEmitter {

  /** Every source of {@code project}, unsorted. */
  public List<GeneratedSource> emit(BoundProject project) {
    Names names = project.names();
    List<GeneratedSource> sources = new ArrayList<>(ValidatorSources.emit(project));
    project
        .javaFunctions()
        .values()
        .forEach(
            c -> JavaFunctionContract.files(c).forEach(f -> sources.add(GeneratedSource.of(f))));
    WorkflowEmitter workflows = new WorkflowEmitter(names, project.javaFunctions());
    List<JavaFile> files = new ArrayList<>();
    for (BoundWorkflow workflow : project.workflows()) {
      files.add(
          workflow
              .hook()
              .map(kind -> HookInputs.emit(workflow.inputs(), kind, workflow.workflow().id()))
              .orElseGet(
                  () ->
                      WorkflowEmitter.inputs(
                          workflow.inputs(), workflow.body(), workflow.workflow().id())));
      files.add(workflows.emit(workflow.workflow(), workflow.inputs(), workflow.compiled()));
    }
    Map<String, ExprType> workflowBodies = new LinkedHashMap<>();
    project.workflows().forEach(w -> workflowBodies.put(w.workflow().id(), w.body()));
    ControllerEmitter controllers = new ControllerEmitter(names);
    List<Event> served = new ArrayList<>();
    Map<Event, ControllerContract> controllerContracts = new LinkedHashMap<>();
    for (BoundEvent event : project.servedEvents()) {
      Workflow workflow = event.workflow().orElseThrow();
      served.add(event.event());
      controllerContracts.put(event.event(), event.contract());
      files.add(
          controllers.emit(
              event.event(),
              event.bodyType(),
              event.body().map(b -> b.validator()),
              workflow,
              workflowBodies.getOrDefault(workflow.id(), ExprType.DYNAMIC),
              event.contract(),
              project.hooks(),
              event.event().guard().authn().flatMap(GuardEmitter::deliveryIdentity)));
    }
    sources.addAll(GeneratedSource.ofAll(files));
    sources.add(
        GeneratedSource.of(
            new ApplicationEmitter(names, project.guards())
                .emit(served, controllerContracts, project.settings())));
    sources.add(new ConfigEmitter(names).emit(project.config()));
    return sources;
  }
}
