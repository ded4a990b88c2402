/**
 * Apache Kafka for a hookc application: deliveries handed to a topic with the Kafka clients, found
 * by the runtime with {@link java.util.ServiceLoader}.
 */
package dev.hookc.kafka;
