package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task of a workflow.
 *
 * @param id the task's id (generated from its position when the YAML gives none)
 * @param fn the function it calls; empty for a task with {@code args} only (a return)
 * @param args its arguments, any YAML value that may contain expressions
 * @param tasks child tasks of control-flow functions
 * @param condition the condition of {@code com.gs.if}/{@code com.gs.elif}
 * @param value the value of {@code com.gs.switch} and of loops
 * @param cases the tasks of each {@code com.gs.switch} case, by case key, in YAML order
 * @param defaults the tasks of a switch's {@code defaults}
 * @param onError its own {@code on_error}
 * @param retry its {@code retry}
 * @param node the task's YAML mapping
 */
public record Task(
    String id,
    Optional<FnRef> fn,
    Optional<YamlNode> args,
    List<Task> tasks,
    Optional<YamlNode> condition,
    Optional<YamlNode> value,
    Map<String, List<Task>> cases,
    List<Task> defaults,
    Optional<OnError> onError,
    Optional<TaskRetry> retry,
    YamlMapping node) {

  public Task {
    tasks = List.copyOf(tasks);
    Map<String, List<Task>> copy = new LinkedHashMap<>();
    cases.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    cases = Collections.unmodifiableMap(copy);
    defaults = List.copyOf(defaults);
  }

  /** Where the task starts. */
  public Location location() {
    return node.location();
  }

  /** The name of the function it calls, or the empty string. */
  public String fnName() {
    return fn.map(FnRef::name).orElse("");
  }

  /** Every task nested directly in this one: children, cases, defaults and on_error tasks. */
  public List<Task> nested() {
    List<Task> all = new ArrayList<>(tasks);
    cases.values().forEach(all::addAll);
    all.addAll(defaults);
    onError.ifPresent(o -> all.addAll(o.tasks()));
    return all;
  }
}
