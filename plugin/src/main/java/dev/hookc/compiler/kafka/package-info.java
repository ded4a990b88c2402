/**
 * Kafka in a project: reading the {@code type: kafka} event sources of {@code src/eventsources}
 * (load) and checking the events that hand their deliveries to a topic (check). Reports to diag;
 * never depends on bind or emit.
 */
package dev.hookc.compiler.kafka;
