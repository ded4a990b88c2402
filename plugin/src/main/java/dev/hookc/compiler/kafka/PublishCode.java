package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/**
 * Diagnostic codes of the tasks that produce to Kafka, {@code fn: datasource.<name>.publish}
 * ({@code HC2140}–{@code HC2149}), and of the Kafka settings they name.
 */
public enum PublishCode implements DiagnosticCode {
  UNKNOWN_SOURCE(
      "HC2140", "a publish task names no kafka event source or kafka datasource of the project"),
  DECLARED_TWICE(
      "HC2141", "one name is both a kafka event source and a kafka datasource of the project"),
  UNKNOWN_OPERATION("HC2142", "a task names a Kafka source with an operation other than publish"),
  BAD_ARGS("HC2143", "a publish task's args are not a mapping, or have an unknown key"),
  TOPIC("HC2144", "a publish task has no topic, or one that is not a Kafka topic name"),
  MESSAGE("HC2145", "a publish task has no message"),
  KEY("HC2146", "a publish task's key is not a string or a number"),
  HEADERS("HC2147", "a publish task's headers are not a mapping of names to string values"),
  TIMEOUT("HC2148", "a publish task's timeout is not a positive duration");

  private final Spec spec;

  PublishCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
