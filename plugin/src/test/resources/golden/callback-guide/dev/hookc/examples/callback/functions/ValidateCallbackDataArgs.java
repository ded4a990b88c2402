package dev.hookc.examples.callback.functions;

import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.processing.Generated;

/**
 * The arguments of Java function {@code validateCallbackData}, as passed by
 * handleCallback.validate_callback.
 */
@Generated("dev.hookc.compiler")
public record ValidateCallbackDataArgs(JsonNode data, String status) {
}
