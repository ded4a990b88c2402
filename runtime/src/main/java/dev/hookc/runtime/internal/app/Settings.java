package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application's settings once {@code build()} has checked them.
 *
 * @param config the configuration {@code config.*} reads
 * @param environment the environment {@code env.NAME} reads
 * @param secrets each route's secrets, resolved
 * @param adminToken the admin endpoints' token, resolved, when they are on
 * @param store the store the application uses
 * @param datasources the datasources, planned
 * @param functions the functions the builder gave, by contract
 * @param clock the application's clock
 * @param server the server builder with every transport setting, the address included
 * @param telemetrySetup what the telemetry modules were given: the routes they serve, what they
 *     close, the inboxes and pools they read
 * @param telemetry what observes the application: the modules' and the builder's
 * @param kafka the project's kafka event sources, resolved, and the module that serves them
 * @param eventSources the event sources other than HTTP, planned
 */
record Settings(
    JsonNode config,
    Map<String, String> environment,
    Map<String, List<String>> secrets,
    Optional<String> adminToken,
    StoreChoice store,
    Datasources datasources,
    Map<Class<?>, Object> functions,
    Clock clock,
    HookcServer.Builder server,
    TelemetrySetup telemetrySetup,
    Telemetry telemetry,
    KafkaSources kafka,
    EventSources eventSources) {}
