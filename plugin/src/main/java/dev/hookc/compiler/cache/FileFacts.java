package dev.hookc.compiler.cache;

import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.bind.ParameterCheck;
import dev.hookc.compiler.delivery.DeliveryGuarantees;
import dev.hookc.compiler.emit.ProjectEmitter;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the {@link FileFact} of every event and workflow file of a bound project, and of {@code
 * http.yaml} (whose default hooks name workflows).
 */
public final class FileFacts {
  private FileFacts() {}

  /** Each loaded event and workflow file's fact, by file. */
  public static Map<String, FileFact> of(
      Project project, BoundProject bound, DeliveryGuarantees guarantees) {
    Map<Event, String> routes = ProjectEmitter.routes(bound);
    SchemaDefinitions definitions = bound.definitions();
    Map<String, List<String>> references = new TreeMap<>();
    Map<String, StringBuilder> summaries = new TreeMap<>();
    Map<String, List<String>> routeEntries = new TreeMap<>();
    for (BoundEvent event : bound.events()) {
      String file = event.event().file();
      List<String> names = references.computeIfAbsent(file, f -> new ArrayList<>());
      event.event().fn().ifPresent(fn -> names.add(fn.name()));
      StringBuilder summary = summaries.computeIfAbsent(file, f -> new StringBuilder());
      guarantees
          .route(event.event())
          .ifPresent(
              entry -> routeEntries.computeIfAbsent(file, f -> new ArrayList<>()).add(entry));
      summary
          .append("event ")
          .append(event.event().key())
          .append("\nid ")
          .append(event.event().operationId().orElse(""))
          .append("\nfn ")
          .append(event.event().fn().map(FnRef::name).orElse(""))
          .append("\nserved by ")
          .append(event.workflow().map(Workflow::id).orElse(""))
          .append("\ncontroller ")
          .append(event.controller().canonicalName())
          .append("\nhooks ")
          .append(hooks(event.event().hooks(), names))
          .append("\ndefinitions ")
          .append(used(event, definitions))
          .append("\nroute ")
          .append(routes.getOrDefault(event.event(), ""))
          .append('\n');
    }
    Map<String, Optional<String>> workflowIds = new LinkedHashMap<>();
    Map<String, FileFact.Kind> kinds = new TreeMap<>();
    references.keySet().forEach(file -> kinds.put(file, FileFact.Kind.EVENTS));
    for (Workflow workflow : project.workflows()) {
      List<String> names = references.computeIfAbsent(workflow.file(), f -> new ArrayList<>());
      workflow.outerTasks().forEach(task -> calls(task, names));
      summaries
          .computeIfAbsent(workflow.file(), f -> new StringBuilder())
          .append("workflow ")
          .append(workflow.id())
          .append("\ncalls ")
          .append(String.join(" ", names))
          .append("\ndelivery ")
          .append(guarantees.context(workflow.id()))
          .append('\n');
      workflowIds.put(workflow.file(), Optional.of(workflow.id()));
      kinds.put(workflow.file(), FileFact.Kind.WORKFLOW);
    }
    project
        .http()
        .file()
        .ifPresent(
            file -> {
              kinds.put(file, FileFact.Kind.HTTP);
              List<String> names = references.computeIfAbsent(file, f -> new ArrayList<>());
              summaries
                  .computeIfAbsent(file, f -> new StringBuilder())
                  .append("hooks ")
                  .append(hooks(project.http().hooks(), names))
                  .append('\n');
            });
    Map<String, FileFact> facts = new TreeMap<>();
    summaries.forEach(
        (file, summary) ->
            facts.put(
                file,
                new FileFact(
                    file,
                    kinds.get(file),
                    workflowIds.getOrDefault(file, Optional.empty()),
                    references.get(file),
                    summary.toString(),
                    routeEntries.getOrDefault(file, List.of()))));
    return facts;
  }

  /** The hooks by kind, as text; the functions they name and call are added to {@code names}. */
  private static String hooks(Map<ValidationHook.Kind, ValidationHook> hooks, List<String> names) {
    StringBuilder text = new StringBuilder();
    hooks.forEach(
        (kind, hook) -> {
          text.append(kind.key()).append('=');
          if (hook instanceof ValidationHook.Named named) {
            names.add(named.fn().name());
            text.append(named.fn().name());
          } else if (hook instanceof ValidationHook.Inline inline) {
            List<String> called = new ArrayList<>();
            inline.tasks().forEach(task -> calls(task, called));
            names.addAll(called);
            text.append("tasks(").append(String.join(" ", called)).append(')');
          } else {
            text.append("off");
          }
          text.append(' ');
        });
    return text.toString();
  }

  private static void calls(Task task, List<String> names) {
    task.fn().ifPresent(fn -> names.add(fn.name()));
    task.nested().forEach(nested -> calls(nested, names));
  }

  /** The shared definitions the event's validators call, by name. */
  private static String used(BoundEvent event, SchemaDefinitions definitions) {
    List<JsonSchema> schemas = new ArrayList<>();
    event.body().ifPresent(body -> schemas.add(body.schema()));
    event
        .parameters()
        .ifPresent(
            contract ->
                contract.checks().stream().map(ParameterCheck::schema).forEach(schemas::add));
    event.validators().forEach(validator -> schemas.add(validator.schema()));
    Set<String> used = new TreeSet<>();
    schemas.forEach(schema -> used.addAll(definitions.usedBy(schema)));
    return String.join(" ", used);
  }
}
