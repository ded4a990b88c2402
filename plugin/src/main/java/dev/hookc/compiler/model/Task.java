package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.List;
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
 * @param node the task's YAML mapping
 */
public record Task(
    String id,
    Optional<FnRef> fn,
    Optional<YamlNode> args,
    List<Task> tasks,
    Optional<YamlNode> condition,
    Optional<YamlNode> value,
    YamlMapping node) {

  public Task {
    tasks = List.copyOf(tasks);
  }

  /** Where the task starts. */
  public Location location() {
    return node.location();
  }
}
