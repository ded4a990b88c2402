package dev.hookc.compiler.bind;

import dev.hookc.compiler.analysis.Analysis;
import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.analysis.CompiledWorkflow;
import dev.hookc.compiler.analysis.EventSchemas;
import dev.hookc.compiler.analysis.ProjectFiles;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The complete set of project-relative input files that each event's and workflow's generated code
 * depends on, so that a build can regenerate only what a changed file can change.
 *
 * <p>Errs on the side of too many: every unit depends on {@code http.yaml} and the configuration
 * files (defaults, guards and {@code config} types reach everywhere); a unit whose schemas refer to
 * any shared definition depends on every definition file (a definition's class name and what is
 * shared are decided across all of them); every {@code fn} name counts with the Java function file
 * it would resolve to, whether or not that file exists, since its presence decides the resolution.
 * A workflow depends on the events it serves and on the workflows that call it with everything
 * their inputs depend on (its input types come from their args), and on everything the workflows it
 * calls depend on; an event on everything its workflow and its validation-error hooks depend on.
 */
final class Origins {
  private final Map<Event, Set<String>> events = new HashMap<>();
  private final Map<Workflow, Set<String>> workflows = new HashMap<>();

  private Origins() {}

  static Origins of(Project project, Analysis analysis) {
    Set<String> global = new TreeSet<>();
    project.http().file().ifPresent(global::add);
    global.addAll(ProjectFiles.config(project));
    // Like http.yaml: a task's types and the application's definitions come from them.
    global.addAll(project.datasourceFiles());
    Set<String> definitionFiles = ProjectFiles.definitions(project);

    Map<Event, Set<String>> ownEvents = new LinkedHashMap<>();
    for (Event event : project.events()) {
      Set<String> own = new TreeSet<>(global);
      own.add(event.file());
      event.fn().ifPresent(fn -> own.add(javaFile(analysis, fn.name())));
      if (refersToDefinitions(analysis.schemas().get(event))) {
        own.addAll(definitionFiles);
      }
      ownEvents.put(event, own);
    }
    Map<Workflow, Set<String>> closure = new LinkedHashMap<>();
    Map<Workflow, List<Workflow>> callees = new HashMap<>();
    analysis
        .workflows()
        .forEach(
            (workflow, compiled) -> {
              Set<String> own = new TreeSet<>(global);
              own.add(workflow.file());
              List<Workflow> called = new ArrayList<>();
              tasks(compiled).forEach(task -> calls(task, project, analysis, own, called));
              closure.put(workflow, own);
              callees.put(workflow, called);
            });
    for (Event event : project.events()) {
      handling(event, analysis).ifPresent(w -> extend(closure, w, ownEvents.get(event)));
      analysis
          .hooks()
          .byEvent()
          .getOrDefault(event, Map.of())
          .values()
          .forEach(hook -> extend(closure, hook, ownEvents.get(event)));
    }
    // A callee's inputs are typed from its callers' args, whose types come from the callers' own
    // inputs: it depends on everything its callers' inputs depend on, up to their events.
    boolean widened = true;
    while (widened) {
      widened = false;
      for (Map.Entry<Workflow, List<Workflow>> entry : callees.entrySet()) {
        Set<String> upstream = closure.get(entry.getKey());
        for (Workflow callee : entry.getValue()) {
          Set<String> target = closure.get(callee);
          if (target != null && upstream != null && target.addAll(upstream)) {
            widened = true;
          }
        }
      }
    }
    // Everything a called workflow depends on reaches its callers: iterate to a fixed point, which
    // also copes with call cycles.
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<Workflow, List<Workflow>> entry : callees.entrySet()) {
        Set<String> target = closure.get(entry.getKey());
        for (Workflow callee : entry.getValue()) {
          Set<String> more = closure.get(callee);
          if (more != null && target.addAll(more)) {
            grew = true;
          }
        }
      }
    }
    Origins origins = new Origins();
    closure.forEach((w, files) -> origins.workflows.put(w, Set.copyOf(files)));
    for (Event event : project.events()) {
      Set<String> files = new TreeSet<>(ownEvents.get(event));
      handling(event, analysis).ifPresent(w -> files.addAll(closure.getOrDefault(w, Set.of())));
      analysis
          .hooks()
          .byEvent()
          .getOrDefault(event, Map.of())
          .values()
          .forEach(hook -> files.addAll(closure.getOrDefault(hook, Set.of())));
      origins.events.put(event, Set.copyOf(files));
    }
    return origins;
  }

  Set<String> of(Event event) {
    return events.get(event);
  }

  Set<String> of(Workflow workflow) {
    return workflows.getOrDefault(workflow, Set.of(workflow.file()));
  }

  private static void extend(Map<Workflow, Set<String>> closure, Workflow w, Set<String> files) {
    Set<String> target = closure.get(w);
    if (target != null && files != null) {
      target.addAll(files);
    }
  }

  private static List<CompiledTask> tasks(CompiledWorkflow compiled) {
    List<CompiledTask> all = new ArrayList<>(compiled.tasks());
    compiled.onError().ifPresent(o -> all.addAll(o.tasks()));
    return all;
  }

  private static void calls(
      CompiledTask task,
      Project project,
      Analysis analysis,
      Set<String> own,
      List<Workflow> called) {
    task.task().fn().ifPresent(fn -> own.add(javaFile(analysis, fn.name())));
    if (task.function().orElse(null) instanceof ResolvedFunction.WorkflowFunction w) {
      called.add(w.workflow());
    }
    if (task.function().orElse(null) instanceof ResolvedFunction.JavaFunction java) {
      // The records its result is made of type the expressions reading it.
      own.addAll(ProjectFiles.resultRecords(project, java));
    }
    task.nested().forEach(nested -> calls(nested, project, analysis, own, called));
  }

  private static Optional<Workflow> handling(Event event, Analysis analysis) {
    return event
        .fn()
        .flatMap(fn -> analysis.functions().resolve(fn.name()))
        .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
        .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
  }

  private static String javaFile(Analysis analysis, String name) {
    return analysis.functions().javaFunction(name).sourcePath();
  }

  /**
   * Whether any part of the event's schemas was read from a shared definition, whether or not its
   * methods end up shared.
   */
  private static boolean refersToDefinitions(EventSchemas schemas) {
    if (schemas == null) {
      return true;
    }
    List<JsonSchema> all = new ArrayList<>(schemas.parameters().values());
    schemas.body().ifPresent(all::add);
    all.addAll(schemas.responses().values());
    return all.stream()
        .flatMap(schema -> schema.nodes().stream())
        .anyMatch(node -> node.definition() != null);
  }
}
