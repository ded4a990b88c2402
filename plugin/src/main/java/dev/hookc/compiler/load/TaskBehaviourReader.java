package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.OnError;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.TaskRetry;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** Reads what a task does besides its function: {@code on_error} and {@code retry}. */
final class TaskBehaviourReader {
  static final Set<String> ON_ERROR_KEYS = Set.of("continue", "response", "tasks");
  static final Set<String> RETRY_KEYS =
      Set.of("max_attempts", "type", "interval", "min_interval", "max_interval");
  static final Set<String> RETRY_TYPES = Set.of("constant", "exponential", "random");

  private final Diagnostics diagnostics;
  private final Nodes nodes;
  // A bare number has always counted milliseconds here.
  private final DurationReader durations;

  TaskBehaviourReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.nodes = new Nodes(diagnostics);
    this.durations =
        new DurationReader(
            diagnostics, DurationReader.BareUnit.MILLISECONDS, LoadCode.RETRY_MALFORMED);
  }

  /**
   * @param readTasks reads the items of {@code on_error.tasks} as tasks of the same workflow
   */
  Optional<OnError> onError(YamlNode node, Function<List<YamlNode>, List<Task>> readTasks) {
    Optional<YamlMapping> mapping = nodes.mapping(node, LoadCode.ON_ERROR_MALFORMED, "'on_error'");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping onError = mapping.get();
    nodes.checkKeys(
        onError,
        ON_ERROR_KEYS,
        Set.of(),
        LoadCode.ON_ERROR_MALFORMED,
        LoadCode.ON_ERROR_MALFORMED,
        "on_error");
    boolean continues = false;
    Optional<YamlNode> continueNode = onError.get("continue");
    if (continueNode.isPresent()) {
      if (continueNode.get() instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
        continues = Boolean.parseBoolean(scalar.value());
      } else {
        diagnostics.report(
            LoadCode.ON_ERROR_MALFORMED,
            continueNode.get().location(),
            "'continue' must be true or false");
      }
    }
    List<Task> tasks =
        onError
            .get("tasks")
            .flatMap(n -> nodes.sequence(n, LoadCode.ON_ERROR_MALFORMED, "'on_error.tasks'"))
            .map(YamlSequence::items)
            .map(readTasks)
            .orElse(List.of());
    if (onError.get("response").isPresent() && !tasks.isEmpty()) {
      diagnostics.report(
          LoadCode.ON_ERROR_MALFORMED,
          onError.get("tasks").get().location(),
          "'on_error' has both 'response' and 'tasks'",
          "keep one: 'response' replaces the result with a value, 'tasks' compute it");
    }
    return Optional.of(new OnError(continues, onError.get("response"), tasks, onError));
  }

  Optional<TaskRetry> retry(YamlNode node) {
    Optional<YamlMapping> mapping = nodes.mapping(node, LoadCode.RETRY_MALFORMED, "'retry'");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping retry = mapping.get();
    nodes.checkKeys(
        retry, RETRY_KEYS, Set.of(), LoadCode.RETRY_MALFORMED, LoadCode.RETRY_MALFORMED, "retry");
    int attempts = maxAttempts(retry);
    String type = "constant";
    Optional<YamlNode> typeNode = retry.get("type");
    if (typeNode.isPresent()) {
      if (typeNode.get() instanceof YamlScalar scalar && RETRY_TYPES.contains(scalar.value())) {
        type = scalar.value();
      } else {
        diagnostics.report(
            LoadCode.RETRY_MALFORMED,
            typeNode.get().location(),
            "unknown retry type " + shown(typeNode.get()),
            dev.hookc.compiler.diag.Suggestions.didYouMean(shown(typeNode.get()), RETRY_TYPES)
                .orElse("use constant, exponential or random"));
      }
    }
    OptionalLong interval = duration(retry, "interval");
    OptionalLong min = duration(retry, "min_interval");
    OptionalLong max = duration(retry, "max_interval");
    if (type.equals("random")) {
      require(retry, "random", "min_interval");
      require(retry, "random", "max_interval");
      if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
        diagnostics.report(
            LoadCode.RETRY_MALFORMED,
            retry.get("min_interval").get().location(),
            "'min_interval' is longer than 'max_interval'");
      }
      return Optional.of(
          new TaskRetry(attempts, type, min.orElse(0), min.orElse(0), max.orElse(0), retry));
    }
    require(retry, type, "interval");
    long first = interval.orElse(0);
    // Without max_interval an exponential wait stops doubling at an hour.
    long longest = type.equals("exponential") ? max.orElse(3_600_000L) : first;
    return Optional.of(new TaskRetry(attempts, type, first, first, longest, retry));
  }

  private int maxAttempts(YamlMapping retry) {
    Optional<YamlNode> node = retry.get("max_attempts");
    if (node.isEmpty()) {
      diagnostics.report(
          LoadCode.RETRY_MALFORMED,
          retry.location(),
          "'retry' has no 'max_attempts'",
          "give the number of attempts in all, the first included");
      return 1;
    }
    if (node.get() instanceof YamlScalar scalar && scalar.type() == ScalarType.INTEGER) {
      try {
        int attempts = Integer.parseInt(scalar.value());
        if (attempts >= 1 && attempts <= 100) {
          return attempts;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    diagnostics.report(
        LoadCode.RETRY_MALFORMED,
        node.get().location(),
        "'max_attempts' must be a whole number from 1 to 100, not " + shown(node.get()));
    return 1;
  }

  private void require(YamlMapping retry, String type, String key) {
    if (retry.get(key).isEmpty()) {
      diagnostics.report(
          LoadCode.RETRY_MALFORMED,
          retry.location(),
          "retry of type " + type + " needs '" + key + "'",
          "write a duration such as 500ms, 2s or 1m");
    }
  }

  private OptionalLong duration(YamlMapping retry, String key) {
    return retry
        .get(key)
        .flatMap(node -> durations.read(node, key))
        .map(d -> OptionalLong.of(d.toMillis()))
        .orElse(OptionalLong.empty());
  }

  private static String shown(YamlNode node) {
    return node instanceof YamlScalar scalar ? "'" + scalar.value() + "'" : "a " + node.kindName();
  }
}
