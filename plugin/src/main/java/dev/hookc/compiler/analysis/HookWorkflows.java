package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which workflow answers each event's validation errors: the event's own hook wins over the
 * default in {@code http.yaml}, {@code false} turns the default off, and inline tasks become a
 * workflow of their own named after the event ({@code hooks.PostCallbackRequestValidationError})
 * or, for the default, {@code hooks.DefaultRequestValidationError}. Events delivered asynchronously
 * have no hooks: nobody waits for their validation's answer.
 */
final class HookWorkflows {
  private HookWorkflows() {}

  static ValidationHooks of(
      Project project, Map<ValidationHook.Kind, ValidationHook> defaults, FunctionTable functions) {
    Map<Event, Map<ValidationHook.Kind, Workflow>> byEvent = new LinkedHashMap<>();
    Map<Workflow, ValidationHook.Kind> workflows = new LinkedHashMap<>();
    // One class per inline hook, however many events share it (the default).
    IdentityHashMap<ValidationHook, Workflow> inline = new IdentityHashMap<>();
    // The defaults are compiled as hooks even when no event uses them, so that their mistakes are
    // reported against the inputs they will have.
    defaults.forEach(
        (kind, hook) ->
            workflow(null, kind, hook, functions, inline)
                .ifPresent(w -> workflows.putIfAbsent(w, kind)));
    for (Event event : project.events()) {
      if (event.guard().async().isPresent()) {
        continue;
      }
      Map<ValidationHook.Kind, Workflow> hooks = new EnumMap<>(ValidationHook.Kind.class);
      for (ValidationHook.Kind kind : ValidationHook.Kind.values()) {
        ValidationHook hook = event.hooks().getOrDefault(kind, defaults.get(kind));
        Optional<Workflow> workflow =
            hook == null ? Optional.empty() : workflow(event, kind, hook, functions, inline);
        workflow.ifPresent(
            w -> {
              hooks.put(kind, w);
              workflows.putIfAbsent(w, kind);
            });
      }
      if (!hooks.isEmpty()) {
        byEvent.put(event, hooks);
      }
    }
    return new ValidationHooks(byEvent, workflows);
  }

  /**
   * @param event the event the hook answers for; null for a default that no event may use
   */
  private static Optional<Workflow> workflow(
      Event event,
      ValidationHook.Kind kind,
      ValidationHook hook,
      FunctionTable functions,
      IdentityHashMap<ValidationHook, Workflow> inline) {
    if (hook instanceof ValidationHook.Named named) {
      // Anything else is reported by the checker.
      return functions
          .resolve(named.fn().name())
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
    }
    if (hook instanceof ValidationHook.Inline tasks) {
      boolean own = event != null && event.hooks().get(kind) == hook;
      String owner = own ? Names.eventName(event) : "Default";
      String summary = kind.key() + (own ? " of " + event.key() : ", the default in http.yaml");
      return Optional.of(
          inline.computeIfAbsent(
              hook,
              h ->
                  new Workflow(
                      "hooks." + owner + kind.suffix(),
                      tasks.file(),
                      Optional.of(summary),
                      tasks.tasks(),
                      Optional.empty(),
                      tasks.owner())));
    }
    return Optional.empty();
  }
}
