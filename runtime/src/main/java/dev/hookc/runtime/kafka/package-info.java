/**
 * Apache Kafka as the runtime sees it, without Kafka's types: an event source's settings ({@link
 * dev.hookc.runtime.kafka.KafkaSourceDefinition} as generated, {@link
 * dev.hookc.runtime.kafka.KafkaSettings} resolved), the module that talks to the brokers ({@link
 * dev.hookc.runtime.kafka.KafkaModule}, found with {@link java.util.ServiceLoader} in hookc-kafka),
 * and the hand-off of a route's deliveries to a topic ({@link
 * dev.hookc.runtime.kafka.KafkaHandoff}).
 */
package dev.hookc.runtime.kafka;
