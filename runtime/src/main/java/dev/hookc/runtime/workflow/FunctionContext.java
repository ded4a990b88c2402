package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Java function gets besides its arguments.
 *
 * @param logger a logger named after the function
 * @param config the project's configuration ({@code config/default.yaml}), as JSON
 * @param inputs the request's inputs ({@code body}, {@code params}, {@code query}, {@code headers},
 *     {@code user}) as JSON, for functions that need more than their arguments
 */
public record FunctionContext(System.Logger logger, JsonNode config, JsonNode inputs) {}
