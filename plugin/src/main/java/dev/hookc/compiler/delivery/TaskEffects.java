package dev.hookc.compiler.delivery;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.Datasource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tasks change something outside hookc, so that running them twice does something twice: a
 * Java function (hookc cannot see what it does), a jdbc statement that is not a query, an http call
 * with a method other than GET, HEAD or OPTIONS, and a record published to Kafka. A transaction is
 * not one itself: its statements are, each where it is written.
 */
final class TaskEffects {
  private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern WRITES =
      Pattern.compile("\\b(INSERT|UPDATE|DELETE|MERGE|UPSERT)\\b");

  private TaskEffects() {}

  /** What the task does that has an effect, for messages ("the Java function 'x'"); else empty. */
  static Optional<String> of(ResolvedFunction function) {
    if (function instanceof ResolvedFunction.JavaFunction java) {
      return Optional.of("the Java function '" + java.name() + "'");
    }
    if (function instanceof ResolvedFunction.KafkaPublish publish) {
      return Optional.of("the publish '" + publish.name() + "'");
    }
    if (function instanceof ResolvedFunction.DatasourceTask task) {
      if (task.datasource() instanceof Datasource.Jdbc jdbc && task.isStatement()) {
        Datasource.Statement statement = jdbc.statements().get(task.operation());
        return statement != null && writes(statement.sql())
            ? Optional.of("the statement '" + task.name() + "'")
            : Optional.empty();
      }
      if (task.method().isPresent()
          && !Pattern.matches("get|head|options", task.method().get().toLowerCase(Locale.ROOT))) {
        return Optional.of("the call '" + task.name() + "'");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a statement writes: anything but a query (SELECT, VALUES, TABLE, SHOW, EXPLAIN), and a
   * query whose WITH holds an INSERT, UPDATE, DELETE or MERGE.
   */
  static boolean writes(String sql) {
    String text = COMMENTS.matcher(sql).replaceAll(" ").trim().toUpperCase(Locale.ROOT);
    String first = text.split("[\\s(]", 2)[0];
    return switch (first) {
      case "SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN" -> false;
      case "WITH" -> WRITES.matcher(text).find();
      default -> true;
    };
  }
}
