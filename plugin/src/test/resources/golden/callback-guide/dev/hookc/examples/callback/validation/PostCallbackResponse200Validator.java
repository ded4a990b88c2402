package dev.hookc.examples.callback.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.validation.JsonPointers;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Validates documents against the JSON Schema at {@code src/events/callback-event.yaml:28:13}.
 */
@Generated("dev.hookc.compiler")
public final class PostCallbackResponse200Validator {
  private PostCallbackResponse200Validator() {
  }

  /**
   * Every violation of the schema by {@code node}; empty when it is valid.
   */
  public static List<Violation> validate(JsonNode node) {
    if (isRootValid(node)) {
      return List.of();
    }
    ViolationCollector out = new ViolationCollector(1000);
    checkRoot(node, "", out);
    return out.violations();
  }

  /**
   * Adds the violations by {@code node}, found at JSON Pointer {@code pointer}, to {@code out}
   * until it is full.
   */
  public static void validate(JsonNode node, String pointer, ViolationCollector out) {
    if (!isRootValid(node)) {
      checkRoot(node, pointer, out);
    }
  }

  /**
   * Whether {@code node} is valid, without describing why not.
   */
  public static boolean isValid(JsonNode node) {
    return isRootValid(node);
  }

  /**
   * Whether a value matches the root schema, from {@code src/events/callback-event.yaml:28:13}.
   */
  private static boolean isRootValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode messageValue = node.get("message");
    if (messageValue != null) {
      if (!isMessageValid(messageValue)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports how a value breaks the root schema, from {@code src/events/callback-event.yaml:28:13}.
   */
  private static void checkRoot(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      JsonNode messageValue = node.get("message");
      if (messageValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMessageValid(messageValue)) {
          checkMessage(messageValue, JsonPointers.child(path, "message"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/message}, from {@code
   * src/events/callback-event.yaml:31:17}.
   */
  private static boolean isMessageValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/message}, from {@code
   * src/events/callback-event.yaml:31:17}.
   */
  private static void checkMessage(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
  }
}
