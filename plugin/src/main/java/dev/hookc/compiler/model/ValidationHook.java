package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.List;

/**
 * What answers a request or response that breaks its contract instead of the default problem: a
 * workflow named like an event's {@code fn}, inline tasks, or nothing ({@code false}, which turns
 * off the default from {@code http.yaml} for one event).
 */
public sealed interface ValidationHook {

  /** The node the hook was written at. */
  YamlNode node();

  /** The two hooks, by the key that declares them. */
  enum Kind {
    /** {@code on_request_validation_error}: a request broke its contract (a 400). */
    REQUEST("on_request_validation_error", "RequestValidationError"),
    /** {@code on_response_validation_error}: a response broke its declared schema. */
    RESPONSE("on_response_validation_error", "ResponseValidationError");

    private final String key;
    private final String suffix;

    Kind(String key, String suffix) {
      this.key = key;
      this.suffix = suffix;
    }

    /** The YAML key: {@code on_request_validation_error}. */
    public String key() {
      return key;
    }

    /** The suffix of an inline hook's class names: {@code RequestValidationError}. */
    public String suffix() {
      return suffix;
    }
  }

  /** A workflow from {@code src/functions}, named as an event's {@code fn} is. */
  record Named(FnRef fn) implements ValidationHook {
    @Override
    public YamlNode node() {
      return fn.node();
    }
  }

  /**
   * Tasks written in place, exactly like a workflow's {@code tasks}.
   *
   * @param tasks the tasks
   * @param file the project-relative file they were written in
   * @param owner the mapping that holds the hook's key (the event, or {@code http.yaml})
   * @param node the list of tasks
   */
  record Inline(List<Task> tasks, String file, YamlMapping owner, YamlNode node)
      implements ValidationHook {
    public Inline {
      tasks = List.copyOf(tasks);
    }
  }

  /** {@code false} or null on an event: no hook, even when {@code http.yaml} sets a default. */
  record Off(YamlNode node) implements ValidationHook {}
}
