package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.ValidationHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the validation-error hooks of events and {@code http.yaml}: a named hook resolves like an
 * event's {@code fn}, inline tasks like a workflow's, and a hook workflow is nothing else: its
 * inputs ({@code inputs.validation_error}) are not those of an event's workflow.
 */
final class HookChecker {
  private final Diagnostics diagnostics;
  private final Consumer<FnRef> checkEventFn;
  private final Consumer<FnRef> checkTaskFn;

  HookChecker(Diagnostics diagnostics, Consumer<FnRef> checkEventFn, Consumer<FnRef> checkTaskFn) {
    this.diagnostics = diagnostics;
    this.checkEventFn = checkEventFn;
    this.checkTaskFn = checkTaskFn;
  }

  void check(Project project, Map<ValidationHook.Kind, ValidationHook> defaults) {
    List<Map.Entry<ValidationHook.Kind, ValidationHook>> all = new ArrayList<>();
    project.events().forEach(e -> all.addAll(e.hooks().entrySet()));
    all.addAll(defaults.entrySet());
    Set<String> handlers = new HashSet<>();
    project.events().forEach(e -> e.fn().ifPresent(fn -> handlers.add(fn.name())));
    Map<String, ValidationHook.Kind> kinds = new HashMap<>();
    FlowChecker flow = new FlowChecker(diagnostics);
    for (Map.Entry<ValidationHook.Kind, ValidationHook> entry : all) {
      ValidationHook hook = entry.getValue();
      if (hook instanceof ValidationHook.Named named) {
        checkEventFn.accept(named.fn());
        checkShared(named.fn(), entry.getKey(), handlers, kinds);
      } else if (hook instanceof ValidationHook.Inline inline) {
        ProjectChecker.forEachTask(inline.tasks(), t -> t.fn().ifPresent(checkTaskFn));
        flow.checkTasks(inline.tasks());
      }
    }
  }

  private void checkShared(
      FnRef fn,
      ValidationHook.Kind kind,
      Set<String> handlers,
      Map<String, ValidationHook.Kind> kinds) {
    ValidationHook.Kind first = kinds.putIfAbsent(fn.name(), kind);
    if (handlers.contains(fn.name())) {
      diagnostics.report(
          CheckCode.HOOK_WORKFLOW_SHARED,
          fn.node().location(),
          "workflow '" + fn.name() + "' handles an event, so it cannot also be a hook",
          "a hook's inputs carry inputs.validation_error; write a workflow for the hook");
    } else if (first != null && first != kind) {
      diagnostics.report(
          CheckCode.HOOK_WORKFLOW_SHARED,
          fn.node().location(),
          "workflow '"
              + fn.name()
              + "' is named by both '"
              + first.key()
              + "' and '"
              + kind.key()
              + "'",
          "the two hooks see different inputs; write one workflow for each");
    }
  }
}
