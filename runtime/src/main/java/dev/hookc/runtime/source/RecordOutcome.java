package dev.hookc.runtime.source;

/** What became of a record a {@link RecordProcessor} was given. */
public sealed interface RecordOutcome {

  /** The workflow finished: the record's offset may be committed. */
  record Processed(int attempts) implements RecordOutcome {}

  /**
   * The record cannot be processed: send it to the dead-letter topic with {@code reason} and {@code
   * detail} in its headers, then commit its offset.
   *
   * @param reason short and of few values: {@code invalid-body} (not JSON, or against the event's
   *     schema: at once, never retried), or {@code failed} (the workflow failed every attempt)
   * @param detail what was wrong, for the person who reads the dead letter
   * @param attempts how many times the workflow ran (0 for an invalid body)
   */
  record DeadLettered(String reason, String detail, int attempts) implements RecordOutcome {}

  /**
   * The application is stopping and the record was not finished: do not commit its offset, so that
   * another consumer of the group processes it.
   */
  record Abandoned() implements RecordOutcome {}
}
