package com.example.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.validation.JsonPointers;
import dev.hookc.runtime.internal.validation.JsonValues;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import javax.annotation.processing.Generated;

/**
 * Validates values against shared definition {@code Address}, from {@code
 * src/definitions/index.yaml:2:3}.
 *
 * <p>Generated once: every validator that refers to the definition calls these methods.
 */
@Generated("dev.hookc.compiler")
final class AddressDefinition {
  private AddressDefinition() {
  }

  /**
   * Whether a value matches schema {@code #/definitions/Address}, from {@code
   * src/definitions/index.yaml:2:3}.
   */
  static boolean isAddressValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode line1Value = node.get("line1");
    JsonNode cityValue = node.get("city");
    JsonNode countryValue = node.get("country");
    if (countryValue == null) {
      return false;
    }
    if (line1Value != null) {
      if (!isAddressLine1Valid(line1Value)) {
        return false;
      }
    }
    if (cityValue != null) {
      if (!isAddressCityValid(cityValue)) {
        return false;
      }
    }
    if (!isAddressCountryValid(countryValue)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/definitions/Address}, from {@code
   * src/definitions/index.yaml:2:3}.
   */
  static void checkAddress(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("country")) {
        out.add(path, "required", "must have required property 'country'");
      }
      JsonNode line1Value = node.get("line1");
      if (line1Value != null) {
        if (out.isFull()) {
          return;
        }
        if (!isAddressLine1Valid(line1Value)) {
          checkAddressLine1(line1Value, JsonPointers.child(path, "line1"), out);
        }
      }
      JsonNode cityValue = node.get("city");
      if (cityValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isAddressCityValid(cityValue)) {
          checkAddressCity(cityValue, JsonPointers.child(path, "city"), out);
        }
      }
      JsonNode countryValue = node.get("country");
      if (countryValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isAddressCountryValid(countryValue)) {
          checkAddressCountry(countryValue, JsonPointers.child(path, "country"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/definitions/Address/properties/line1}, from {@code
   * src/definitions/index.yaml:5:12}.
   */
  static boolean isAddressLine1Valid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/definitions/Address/properties/line1}, from {@code
   * src/definitions/index.yaml:5:12}.
   */
  static void checkAddressLine1(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
  }

  /**
   * Whether a value matches schema {@code #/definitions/Address/properties/city}, from {@code
   * src/definitions/index.yaml:6:11}.
   */
  static boolean isAddressCityValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/definitions/Address/properties/city}, from {@code
   * src/definitions/index.yaml:6:11}.
   */
  static void checkAddressCity(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
  }

  /**
   * Whether a value matches schema {@code #/definitions/Address/properties/country}, from {@code
   * src/definitions/index.yaml:7:14}.
   */
  static boolean isAddressCountryValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    int length = JsonValues.length(text);
    if (length < 2) {
      return false;
    }
    if (length > 2) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/definitions/Address/properties/country}, from {@code
   * src/definitions/index.yaml:7:14}.
   */
  static void checkAddressCountry(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      int length = JsonValues.length(text);
      if (length < 2) {
        out.add(path, "minLength", "must be at least 2 characters long");
      }
      if (length > 2) {
        out.add(path, "maxLength", "must be at most 2 characters long");
      }
    }
  }
}
