package dev.hookc.runtime.kafka;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record to send: its topic, its key (UTF-8 text, or none), its value as bytes, and its headers
 * in order, each a name and UTF-8 text.
 */
public final class OutgoingRecord {
  private final String topic;
  private final String key;
  private final byte[] value;
  private final List<Map.Entry<String, String>> headers;

  /**
   * @param key the key, or null for none
   * @param value the value, taken as it is (not copied: the caller does not change it afterwards)
   */
  public OutgoingRecord(
      String topic, String key, byte[] value, List<Map.Entry<String, String>> headers) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.key = key;
    this.value = Objects.requireNonNull(value, "value");
    this.headers = List.copyOf(headers);
  }

  /** The topic. */
  public String topic() {
    return topic;
  }

  /** The key, or null. */
  public String key() {
    return key;
  }

  /** The value; the caller does not change it. */
  public byte[] value() {
    return value;
  }

  /** The headers, in order. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "OutgoingRecord[" + topic + " key=" + key + " " + value.length + " bytes]";
  }
}
