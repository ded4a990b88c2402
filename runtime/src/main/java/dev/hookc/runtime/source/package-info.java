/**
 * Event sources other than HTTP — a Kafka topic read by a consumer group — as a service-provider
 * interface: a module such as {@code hookc-kafka} implements {@link
 * dev.hookc.runtime.source.EventSourceProvider}, found with {@link java.util.ServiceLoader}, and
 * hands each record it reads to a {@link dev.hookc.runtime.source.RecordProcessor}, which runs the
 * event's workflow with its retry policy and says what became of the record. The runtime itself
 * knows no broker.
 */
package dev.hookc.runtime.source;
