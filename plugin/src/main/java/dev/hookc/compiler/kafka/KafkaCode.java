package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/**
 * Diagnostic codes of Kafka ({@code HC2110}–{@code HC2119}): the event sources of {@code
 * src/eventsources} and the events handed to a topic with {@code delivery: kafka}.
 */
public enum KafkaCode implements DiagnosticCode {
  SOURCE_UNKNOWN_KEY("HC2110", "a kafka event source has a key hookc does not know"),
  SOURCE_MALFORMED(
      "HC2111", "a kafka event source's setting has the wrong shape, or is not config/env"),
  SOURCE_TYPE(
      "HC2112", "a file of src/eventsources other than http.yaml has no type or an unknown one"),
  MODULE_MISSING("HC2113", "the project uses Kafka but hookc-kafka is not among its dependencies"),
  HANDOFF_MALFORMED(
      "HC2114", "the 'kafka' block of a delivery: kafka event is missing, malformed or misplaced"),
  HANDOFF_SOURCE(
      "HC2115", "a delivery: kafka event names no kafka event source, or an unknown one"),
  HANDOFF_KEY("HC2116", "a Kafka record key is not one value of the request"),
  HANDOFF_FN("HC2117", "a delivery: kafka event has an 'fn': consumers of the topic run the work");

  private final Spec spec;

  KafkaCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
