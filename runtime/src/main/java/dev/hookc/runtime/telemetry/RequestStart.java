package dev.hookc.runtime.telemetry;

import java.util.function.Function;

/**
 * A request about to be handled.
 *
 * @param method its method
 * @param route the route it matched ({@code POST /webhooks/{id}}), or null when it matched none
 * @param requestId the id its log lines and a problem answer carry
 * @param header its header by name, case-insensitive (null when absent), e.g. {@code traceparent}
 */
public record RequestStart(
    String method, String route, String requestId, Function<String, String> header) {}
