package dev.hookc.runtime.telemetry;

import java.util.function.Function;

/**
 * An attempt at an async delivery from a route's inbox.
 *
 * @param route the route that accepted it ({@code POST /webhooks/shipments})
 * @param deliveryId the inbox's id of the delivery
 * @param attempt 1 for the first attempt
 * @param header a header of the delivery as it was received, case-insensitive (null when absent):
 *     its {@code traceparent} links the attempt to the request that delivered it
 */
public record DeliveryStart(
    String route, String deliveryId, int attempt, Function<String, String> header) {}
