package dev.hookc.runtime.source;

import java.util.Map;
import java.util.Objects;

/** One record an event source read: where it is in its log, and what it carries. */
public final class SourceRecord {
  private final String topic;
  private final int partition;
  private final long offset;
  private final byte[] key;
  private final byte[] value;
  private final Map<String, String> headers;

  /**
   * @param topic the topic it was read from
   * @param partition its partition
   * @param offset its offset in the partition
   * @param key its key, or null
   * @param value its value, the event's body (null is read as empty)
   * @param headers its headers as text, by name as written (the last value of a repeated header)
   */
  public SourceRecord(
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      Map<String, String> headers) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.partition = partition;
    this.offset = offset;
    // Owned by the consumer that read them, which does not change them afterwards.
    this.key = key;
    this.value = value == null ? new byte[0] : value;
    this.headers = Map.copyOf(headers);
  }

  public String topic() {
    return topic;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  /** The key's bytes, or null. */
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  /** The value's bytes. */
  public byte[] value() {
    return value.clone();
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** {@code <topic>-<partition>-<offset>}: the record's identity in its log. */
  public String position() {
    return topic + "-" + partition + "-" + offset;
  }

  @Override
  public String toString() {
    return "record " + position();
  }
}
