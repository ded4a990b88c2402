package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;

/**
 * A task's {@code retry}, with its durations in milliseconds.
 *
 * @param maxAttempts the attempts in all, the first included
 * @param type {@code constant}, {@code exponential} or {@code random}
 * @param intervalMillis the wait of {@code constant}, the first of {@code exponential}
 * @param minIntervalMillis the shortest wait of {@code random}
 * @param maxIntervalMillis the longest wait of {@code exponential} and {@code random}
 * @param node the {@code retry} mapping
 */
public record TaskRetry(
    int maxAttempts,
    String type,
    long intervalMillis,
    long minIntervalMillis,
    long maxIntervalMillis,
    YamlMapping node) {}
