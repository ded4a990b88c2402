package dev.hookc.compiler.check;

import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.model.Workflow;
import java.util.Optional;

/** What a function name resolves to. */
public sealed interface ResolvedFunction {

  /** A {@code com.gs.*} function that hookc implements. */
  record Builtin(String name) implements ResolvedFunction {}

  /** A YAML workflow of the project. */
  record WorkflowFunction(Workflow workflow) implements ResolvedFunction {}

  /**
   * A Java function the user writes: class {@code className} in {@code packageName}, implementing
   * the generated interface of the same name with suffix {@code Function}.
   *
   * @param source what was read of its class; empty while the class is not written yet
   */
  record JavaFunction(
      String name,
      String packageName,
      String className,
      String sourcePath,
      Optional<JavaFunctionClass> source)
      implements ResolvedFunction {

    /** Whether its class exists. */
    public boolean exists() {
      return source.isPresent();
    }
  }

  /**
   * A task of a datasource: {@code datasource.<name>.<statement>}, {@code
   * datasource.<name>.transaction} or {@code datasource.<name>.<method>./<path>}.
   *
   * @param operation the statement's name, {@code transaction}, or {@code <method>./<path>}
   * @param method an http call's method, lower case; empty otherwise
   * @param path an http call's path template; empty otherwise
   */
  record DatasourceTask(
      String name,
      Datasource datasource,
      String operation,
      Optional<String> method,
      Optional<String> path)
      implements ResolvedFunction {

    /** Whether it is a group of tasks run in one transaction. */
    public boolean isTransaction() {
      return datasource instanceof Datasource.Jdbc && operation.equals("transaction");
    }

    /** Whether it runs a named statement. */
    public boolean isStatement() {
      return datasource instanceof Datasource.Jdbc && !isTransaction();
    }
  }

  /**
   * {@code datasource.<name>.publish}: produces a record with the Kafka settings {@code source} (a
   * kafka event source, or a kafka datasource).
   */
  record KafkaPublish(String name, KafkaSource source) implements ResolvedFunction {}
}
