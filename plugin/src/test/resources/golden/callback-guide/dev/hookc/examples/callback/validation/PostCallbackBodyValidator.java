package dev.hookc.examples.callback.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.validation.JsonPointers;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Validates documents against the JSON Schema at {@code src/events/callback-event.yaml:10:11}.
 */
@Generated("dev.hookc.compiler")
public final class PostCallbackBodyValidator {
  private PostCallbackBodyValidator() {
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
   * Whether a value matches the root schema, from {@code src/events/callback-event.yaml:10:11}.
   */
  private static boolean isRootValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode statusValue = node.get("status");
    JsonNode dataValue = node.get("data");
    if (statusValue == null) {
      return false;
    }
    if (!isStatusValid(statusValue)) {
      return false;
    }
    if (dataValue != null) {
      if (!isDataValid(dataValue)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports how a value breaks the root schema, from {@code src/events/callback-event.yaml:10:11}.
   */
  private static void checkRoot(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("status")) {
        out.add(path, "required", "must have required property 'status'");
      }
      JsonNode statusValue = node.get("status");
      if (statusValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isStatusValid(statusValue)) {
          checkStatus(statusValue, JsonPointers.child(path, "status"), out);
        }
      }
      JsonNode dataValue = node.get("data");
      if (dataValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isDataValid(dataValue)) {
          checkData(dataValue, JsonPointers.child(path, "data"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/status}, from {@code
   * src/events/callback-event.yaml:13:15}.
   */
  private static boolean isStatusValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/status}, from {@code
   * src/events/callback-event.yaml:13:15}.
   */
  private static void checkStatus(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/data}, from {@code
   * src/events/callback-event.yaml:15:15}.
   */
  private static boolean isDataValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/data}, from {@code
   * src/events/callback-event.yaml:15:15}.
   */
  private static void checkData(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    }
  }
}
