package dev.hookc.examples.callback.functions;

import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.processing.Generated;

/**
 * The arguments of Java function {@code processData}, as passed by handleCallback.process_data.
 */
@Generated("dev.hookc.compiler")
public record ProcessDataArgs(JsonNode data) {
}
