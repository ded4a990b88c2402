package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * What a task (or every task of a workflow) does when it fails: its {@code on_error}.
 *
 * @param continues whether the workflow goes on after the failure (the YAML key {@code
 *     on_error.continue}, default false)
 * @param response the value that replaces the failed task's result, when given
 * @param tasks tasks run instead, whose last result replaces the failed task's result
 * @param node the {@code on_error} mapping
 */
public record OnError(
    boolean continues, Optional<YamlNode> response, List<Task> tasks, YamlMapping node) {

  public OnError {
    tasks = List.copyOf(tasks);
  }
}
