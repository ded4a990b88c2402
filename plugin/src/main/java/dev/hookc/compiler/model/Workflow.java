package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * A YAML workflow from {@code src/functions}.
 *
 * @param id its id: the path below the functions directory with {@code /} as {@code .}
 * @param file the project-relative file it was read from
 * @param summary its summary, when given
 * @param tasks its top-level tasks
 * @param onError the {@code on_error} its tasks inherit unless they have their own
 * @param node its YAML mapping
 */
public record Workflow(
    String id,
    String file,
    Optional<String> summary,
    List<Task> tasks,
    Optional<OnError> onError,
    YamlMapping node) {

  public Workflow {
    tasks = List.copyOf(tasks);
  }

  /** Its tasks and its {@code on_error} tasks: every task not nested in another. */
  public List<Task> outerTasks() {
    List<Task> all = new java.util.ArrayList<>(tasks);
    onError.ifPresent(o -> all.addAll(o.tasks()));
    return all;
  }
}
