/** An in-process Kafka broker for tests, shipped in hookc-kafka's test-jar. */
package dev.hookc.kafka.testing;
