package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/** Request parts given as values. */
record GivenParts(
    JsonNode params,
    JsonNode query,
    JsonNode headers,
    JsonNode user,
    JsonNode cookies,
    String rawBody,
    JsonNode delivery)
    implements RequestParts {}
