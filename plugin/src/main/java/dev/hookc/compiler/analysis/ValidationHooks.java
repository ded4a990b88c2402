package dev.hookc.compiler.analysis;

import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validation-error hooks that run: for each event, the workflow of each kind that answers in
 * place of the default problem, and every such workflow with the kind whose inputs it takes.
 *
 * @param byEvent each event's hook workflows, by kind; events without hooks are absent
 * @param workflows every hook workflow (named in {@code src/functions} or written inline), with its
 *     kind, in the order of the events that use it
 */
public record ValidationHooks(
    Map<Event, Map<ValidationHook.Kind, Workflow>> byEvent,
    Map<Workflow, ValidationHook.Kind> workflows) {

  public ValidationHooks {
    byEvent = Map.copyOf(byEvent);
    workflows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workflows));
  }

  /** No hooks at all. */
  public static ValidationHooks none() {
    return new ValidationHooks(Map.of(), Map.of());
  }

  /** The workflow of {@code kind} that answers for {@code event}, if any. */
  public Optional<Workflow> of(Event event, ValidationHook.Kind kind) {
    return Optional.ofNullable(byEvent.getOrDefault(event, Map.of()).get(kind));
  }

  /** The kind of hook {@code workflow} serves as, if it is one. */
  public Optional<ValidationHook.Kind> kind(Workflow workflow) {
    return Optional.ofNullable(workflows.get(workflow));
  }
}
