package dev.hookc.compiler.kafka;

/** YAML the Kafka diagnostics tests share. */
final class KafkaYaml {
  /** An event source (or datasource) file: Kafka, its brokers from the environment. */
  static final String SOURCE = "type: kafka\nbrokers: <% env.KAFKA_BROKERS %>\n";

  private KafkaYaml() {}

  /**
   * The first 13 lines of an event file: {@code POST path} with {@code delivery}, signed with
   * Standard Webhooks, its body a closed object with a string {@code id}; what a test appends
   * starts on line 14.
   */
  static String signedEvent(String path, String delivery) {
    return "http.post."
        + path
        + ":\n" // 1
        + "  delivery: "
        + delivery
        + "\n" // 2
        + "  authn:\n" // 3
        + "    standard-webhooks:\n" // 4
        + "      secret: <% config.s %>\n" // 5
        + "  body:\n" // 6
        + "    content:\n" // 7
        + "      application/json:\n" // 8
        + "        schema:\n" // 9
        + "          type: object\n" // 10
        + "          additionalProperties: false\n" // 11
        + "          properties:\n" // 12
        + "            id: {type: string}\n"; // 13
  }
}
