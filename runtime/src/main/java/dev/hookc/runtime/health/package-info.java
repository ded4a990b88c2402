/**
 * What the health route reports: each long-running component of the application (a Kafka consumer,
 * say) records whether it runs in a {@link dev.hookc.runtime.health.Health}, which the route reads
 * without blocking. The runtime knows no component type.
 */
package dev.hookc.runtime.health;
