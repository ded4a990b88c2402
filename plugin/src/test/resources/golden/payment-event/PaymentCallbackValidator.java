package com.example.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.validation.Formats;
import dev.hookc.runtime.internal.validation.JsonPointers;
import dev.hookc.runtime.internal.validation.JsonValues;
import dev.hookc.runtime.internal.validation.TextPattern;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Validates documents against the JSON Schema at {@code src/events/payment.yaml:2:1}.
 */
@Generated("dev.hookc.compiler")
public final class PaymentCallbackValidator {
  private static final Set<String> ROOT_PROPERTIES = Set.of("id", "status", "amount", "currency",
      "createdAt", "customer", "method", "tags", "refundOf");

  private static final Set<String> STATUS_VALUES = Set.of("pending", "succeeded", "failed");

  private static final BigDecimal AMOUNT_DIVISOR = new BigDecimal("0.01");

  private static final TextPattern CURRENCY_PATTERN = TextPattern.compile("^[A-Z]{3}\\z");

  private static final TextPattern METHOD_ONE_OF0_LAST4_PATTERN =
      TextPattern.compile("^[0-9]{4}\\z");

  private PaymentCallbackValidator() {
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
   * Whether a value matches the root schema (Payment callback), from {@code
   * src/events/payment.yaml:2:1}.
   */
  private static boolean isRootValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode idValue = node.get("id");
    JsonNode statusValue = node.get("status");
    JsonNode amountValue = node.get("amount");
    JsonNode currencyValue = node.get("currency");
    JsonNode createdAtValue = node.get("createdAt");
    JsonNode customerValue = node.get("customer");
    JsonNode methodValue = node.get("method");
    JsonNode tagsValue = node.get("tags");
    JsonNode refundOfValue = node.get("refundOf");
    if (idValue == null) {
      return false;
    }
    if (statusValue == null) {
      return false;
    }
    if (amountValue == null) {
      return false;
    }
    if (customerValue == null) {
      return false;
    }
    if (methodValue == null) {
      return false;
    }
    int present = 0;
    present++;
    if (!isIdValid(idValue)) {
      return false;
    }
    present++;
    if (!isStatusValid(statusValue)) {
      return false;
    }
    present++;
    if (!isAmountValid(amountValue)) {
      return false;
    }
    if (currencyValue != null) {
      present++;
      if (!isCurrencyValid(currencyValue)) {
        return false;
      }
    }
    if (createdAtValue != null) {
      present++;
      if (!isCreatedAtValid(createdAtValue)) {
        return false;
      }
    }
    present++;
    if (!isCustomerValid(customerValue)) {
      return false;
    }
    present++;
    if (!isMethodValid(methodValue)) {
      return false;
    }
    if (tagsValue != null) {
      present++;
      if (!isTagsValid(tagsValue)) {
        return false;
      }
    }
    if (refundOfValue != null) {
      present++;
      if (!isRefundOfValid(refundOfValue)) {
        return false;
      }
    }
    if (node.size() != present) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks the root schema (Payment callback), from {@code
   * src/events/payment.yaml:2:1}.
   */
  private static void checkRoot(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("id")) {
        out.add(path, "required", "must have required property 'id'");
      }
      if (!node.has("status")) {
        out.add(path, "required", "must have required property 'status'");
      }
      if (!node.has("amount")) {
        out.add(path, "required", "must have required property 'amount'");
      }
      if (!node.has("customer")) {
        out.add(path, "required", "must have required property 'customer'");
      }
      if (!node.has("method")) {
        out.add(path, "required", "must have required property 'method'");
      }
      JsonNode idValue = node.get("id");
      if (idValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isIdValid(idValue)) {
          checkId(idValue, JsonPointers.child(path, "id"), out);
        }
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
      JsonNode amountValue = node.get("amount");
      if (amountValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isAmountValid(amountValue)) {
          checkAmount(amountValue, JsonPointers.child(path, "amount"), out);
        }
      }
      JsonNode currencyValue = node.get("currency");
      if (currencyValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCurrencyValid(currencyValue)) {
          checkCurrency(currencyValue, JsonPointers.child(path, "currency"), out);
        }
      }
      JsonNode createdAtValue = node.get("createdAt");
      if (createdAtValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCreatedAtValid(createdAtValue)) {
          checkCreatedAt(createdAtValue, JsonPointers.child(path, "createdAt"), out);
        }
      }
      JsonNode customerValue = node.get("customer");
      if (customerValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCustomerValid(customerValue)) {
          checkCustomer(customerValue, JsonPointers.child(path, "customer"), out);
        }
      }
      JsonNode methodValue = node.get("method");
      if (methodValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMethodValid(methodValue)) {
          checkMethod(methodValue, JsonPointers.child(path, "method"), out);
        }
      }
      JsonNode tagsValue = node.get("tags");
      if (tagsValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isTagsValid(tagsValue)) {
          checkTags(tagsValue, JsonPointers.child(path, "tags"), out);
        }
      }
      JsonNode refundOfValue = node.get("refundOf");
      if (refundOfValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isRefundOfValid(refundOfValue)) {
          checkRefundOf(refundOfValue, JsonPointers.child(path, "refundOf"), out);
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (out.isFull()) {
          return;
        }
        String name = field.getKey();
        boolean matched = ROOT_PROPERTIES.contains(name);
        if (!matched) {
          out.add(path, "additionalProperties", "must not have additional property '" + name + "'");
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/id}, from {@code
   * src/events/payment.yaml:8:5}.
   */
  private static boolean isIdValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    if (!Formats.isUuid(text)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/id}, from {@code
   * src/events/payment.yaml:8:5}.
   */
  private static void checkId(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      if (!Formats.isUuid(text)) {
        out.add(path, "format", "must be a valid uuid");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/status}, from {@code
   * src/events/payment.yaml:11:5}.
   */
  private static boolean isStatusValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    if (!(node.isTextual() && STATUS_VALUES.contains(node.textValue()))) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/status}, from {@code
   * src/events/payment.yaml:11:5}.
   */
  private static void checkStatus(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
    if (!(node.isTextual() && STATUS_VALUES.contains(node.textValue()))) {
      out.add(path, "enum", "must be one of [pending, succeeded, failed]");
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/amount}, from {@code
   * src/events/payment.yaml:14:5}.
   */
  private static boolean isAmountValid(JsonNode node) {
    if (!node.isNumber()) {
      return false;
    }
    if (JsonValues.compare(node, 0L) <= 0) {
      return false;
    }
    if (!JsonValues.isMultipleOf(node, AMOUNT_DIVISOR)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/amount}, from {@code
   * src/events/payment.yaml:14:5}.
   */
  private static void checkAmount(JsonNode node, String path, ViolationCollector out) {
    if (!node.isNumber()) {
      out.add(path, "type", "must be a number");
    } else {
      if (JsonValues.compare(node, 0L) <= 0) {
        out.add(path, "exclusiveMinimum", "must be > 0");
      }
      if (!JsonValues.isMultipleOf(node, AMOUNT_DIVISOR)) {
        out.add(path, "multipleOf", "must be a multiple of 0.01");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/currency}, from {@code
   * src/events/payment.yaml:18:5}.
   */
  private static boolean isCurrencyValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    if (!CURRENCY_PATTERN.find(text)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/currency}, from {@code
   * src/events/payment.yaml:18:5}.
   */
  private static void checkCurrency(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      if (!CURRENCY_PATTERN.find(text)) {
        out.add(path, "pattern", "must match pattern \"^[A-Z]{3}$\"");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/createdAt}, from {@code
   * src/events/payment.yaml:22:5}.
   */
  private static boolean isCreatedAtValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    if (!Formats.isDateTime(text)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/createdAt}, from {@code
   * src/events/payment.yaml:22:5}.
   */
  private static void checkCreatedAt(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      if (!Formats.isDateTime(text)) {
        out.add(path, "format", "must be a valid date-time");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/customer}, from {@code
   * src/events/payment.yaml:25:5}.
   */
  private static boolean isCustomerValid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode emailValue = node.get("email");
    JsonNode nameValue = node.get("name");
    JsonNode addressValue = node.get("address");
    if (emailValue == null) {
      return false;
    }
    if (!isCustomerEmailValid(emailValue)) {
      return false;
    }
    if (nameValue != null) {
      if (!isCustomerNameValid(nameValue)) {
        return false;
      }
    }
    if (addressValue != null) {
      if (!isCustomerAddressValid(addressValue)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/customer}, from {@code
   * src/events/payment.yaml:25:5}.
   */
  private static void checkCustomer(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("email")) {
        out.add(path, "required", "must have required property 'email'");
      }
      JsonNode emailValue = node.get("email");
      if (emailValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCustomerEmailValid(emailValue)) {
          checkCustomerEmail(emailValue, JsonPointers.child(path, "email"), out);
        }
      }
      JsonNode nameValue = node.get("name");
      if (nameValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCustomerNameValid(nameValue)) {
          checkCustomerName(nameValue, JsonPointers.child(path, "name"), out);
        }
      }
      JsonNode addressValue = node.get("address");
      if (addressValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isCustomerAddressValid(addressValue)) {
          checkCustomerAddress(addressValue, JsonPointers.child(path, "address"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method}, from {@code
   * src/events/payment.yaml:38:5}.
   */
  private static boolean isMethodValid(JsonNode node) {
    int matched = 0;
    if (isMethodOneOf0Valid(node)) {
      matched++;
    }
    if (isMethodOneOf1Valid(node)) {
      matched++;
    }
    if (matched != 1) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method}, from {@code
   * src/events/payment.yaml:38:5}.
   */
  private static void checkMethod(JsonNode node, String path, ViolationCollector out) {
    int matched = 0;
    if (isMethodOneOf0Valid(node)) {
      matched++;
    }
    if (isMethodOneOf1Valid(node)) {
      matched++;
    }
    if (matched != 1) {
      out.add(path, "oneOf", "must match exactly one schema in 'oneOf', matched " + matched);
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/tags}, from {@code
   * src/events/payment.yaml:50:5}.
   */
  private static boolean isTagsValid(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    if (node.size() > 10) {
      return false;
    }
    int[] duplicate = JsonValues.firstDuplicate(node);
    if (duplicate != null) {
      return false;
    }
    for (int i = 0; i < node.size(); i++) {
      if (!isTagsItemsValid(node.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/tags}, from {@code
   * src/events/payment.yaml:50:5}.
   */
  private static void checkTags(JsonNode node, String path, ViolationCollector out) {
    if (!node.isArray()) {
      out.add(path, "type", "must be an array");
    } else {
      if (node.size() > 10) {
        out.add(path, "maxItems", "must have at most 10 items");
      }
      int[] duplicate = JsonValues.firstDuplicate(node);
      if (duplicate != null) {
        out.add(path, "uniqueItems", "must not contain duplicate items (items " + duplicate[0]
            + " and " + duplicate[1] + " are equal)");
      }
      for (int i = 0; i < node.size(); i++) {
        if (out.isFull()) {
          return;
        }
        if (!isTagsItemsValid(node.get(i))) {
          checkTagsItems(node.get(i), JsonPointers.index(path, i), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/refundOf}, from {@code
   * src/events/payment.yaml:55:5}.
   */
  private static boolean isRefundOfValid(JsonNode node) {
    if (!(node.isTextual() || node.isNull())) {
      return false;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (!Formats.isUuid(text)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/refundOf}, from {@code
   * src/events/payment.yaml:55:5}.
   */
  private static void checkRefundOf(JsonNode node, String path, ViolationCollector out) {
    if (!(node.isTextual() || node.isNull())) {
      out.add(path, "type", "must be a string or null");
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (!Formats.isUuid(text)) {
        out.add(path, "format", "must be a valid uuid");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/additionalProperties}, from {@code
   * src/events/payment.yaml:5:23}.
   */
  private static boolean isAdditionalPropertiesValid(JsonNode node) {
    return false;
  }

  /**
   * Reports how a value breaks schema {@code #/additionalProperties}, from {@code
   * src/events/payment.yaml:5:23}.
   */
  private static void checkAdditionalProperties(JsonNode node, String path,
      ViolationCollector out) {
    out.add(path, "false", "no value is allowed here");
  }

  /**
   * Whether a value matches schema {@code #/properties/customer/properties/email}, from {@code
   * src/events/payment.yaml:29:9}.
   */
  private static boolean isCustomerEmailValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    if (!Formats.isEmail(text)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/customer/properties/email}, from {@code
   * src/events/payment.yaml:29:9}.
   */
  private static void checkCustomerEmail(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      if (!Formats.isEmail(text)) {
        out.add(path, "format", "must be a valid email");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/customer/properties/name}, from {@code
   * src/events/payment.yaml:32:9}.
   */
  private static boolean isCustomerNameValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    int length = JsonValues.length(text);
    if (length < 1) {
      return false;
    }
    if (length > 120) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/customer/properties/name}, from {@code
   * src/events/payment.yaml:32:9}.
   */
  private static void checkCustomerName(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      int length = JsonValues.length(text);
      if (length < 1) {
        out.add(path, "minLength", "must be at least 1 character long");
      }
      if (length > 120) {
        out.add(path, "maxLength", "must be at most 120 characters long");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/customer/properties/address}, from {@code
   * src/events/payment.yaml:36:9}.
   */
  private static boolean isCustomerAddressValid(JsonNode node) {
    if (!AddressDefinition.isAddressValid(node)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/customer/properties/address}, from {@code
   * src/events/payment.yaml:36:9}.
   */
  private static void checkCustomerAddress(JsonNode node, String path, ViolationCollector out) {
    if (!AddressDefinition.isAddressValid(node)) {
      AddressDefinition.checkAddress(node, path, out);
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/0}, from {@code
   * src/events/payment.yaml:39:9}.
   */
  private static boolean isMethodOneOf0Valid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode typeValue = node.get("type");
    JsonNode last4Value = node.get("last4");
    if (typeValue == null) {
      return false;
    }
    if (last4Value == null) {
      return false;
    }
    if (!isMethodOneOf0TypeValid(typeValue)) {
      return false;
    }
    if (!isMethodOneOf0Last4Valid(last4Value)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/0}, from {@code
   * src/events/payment.yaml:39:9}.
   */
  private static void checkMethodOneOf0(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("type")) {
        out.add(path, "required", "must have required property 'type'");
      }
      if (!node.has("last4")) {
        out.add(path, "required", "must have required property 'last4'");
      }
      JsonNode typeValue = node.get("type");
      if (typeValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMethodOneOf0TypeValid(typeValue)) {
          checkMethodOneOf0Type(typeValue, JsonPointers.child(path, "type"), out);
        }
      }
      JsonNode last4Value = node.get("last4");
      if (last4Value != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMethodOneOf0Last4Valid(last4Value)) {
          checkMethodOneOf0Last4(last4Value, JsonPointers.child(path, "last4"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/1}, from {@code
   * src/events/payment.yaml:44:9}.
   */
  private static boolean isMethodOneOf1Valid(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode typeValue = node.get("type");
    JsonNode ibanValue = node.get("iban");
    if (typeValue == null) {
      return false;
    }
    if (ibanValue == null) {
      return false;
    }
    if (!isMethodOneOf1TypeValid(typeValue)) {
      return false;
    }
    if (!isMethodOneOf1IbanValid(ibanValue)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/1}, from {@code
   * src/events/payment.yaml:44:9}.
   */
  private static void checkMethodOneOf1(JsonNode node, String path, ViolationCollector out) {
    if (!node.isObject()) {
      out.add(path, "type", "must be an object");
    } else {
      if (!node.has("type")) {
        out.add(path, "required", "must have required property 'type'");
      }
      if (!node.has("iban")) {
        out.add(path, "required", "must have required property 'iban'");
      }
      JsonNode typeValue = node.get("type");
      if (typeValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMethodOneOf1TypeValid(typeValue)) {
          checkMethodOneOf1Type(typeValue, JsonPointers.child(path, "type"), out);
        }
      }
      JsonNode ibanValue = node.get("iban");
      if (ibanValue != null) {
        if (out.isFull()) {
          return;
        }
        if (!isMethodOneOf1IbanValid(ibanValue)) {
          checkMethodOneOf1Iban(ibanValue, JsonPointers.child(path, "iban"), out);
        }
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/tags/items}, from {@code
   * src/events/payment.yaml:51:12}.
   */
  private static boolean isTagsItemsValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/tags/items}, from {@code
   * src/events/payment.yaml:51:12}.
   */
  private static void checkTagsItems(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/0/properties/type}, from {@code
   * src/events/payment.yaml:42:17}.
   */
  private static boolean isMethodOneOf0TypeValid(JsonNode node) {
    if (!(node.isTextual() && node.textValue().equals("card"))) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/0/properties/type}, from
   * {@code src/events/payment.yaml:42:17}.
   */
  private static void checkMethodOneOf0Type(JsonNode node, String path, ViolationCollector out) {
    if (!(node.isTextual() && node.textValue().equals("card"))) {
      out.add(path, "const", "must be equal to \"card\"");
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/0/properties/last4}, from
   * {@code src/events/payment.yaml:43:18}.
   */
  private static boolean isMethodOneOf0Last4Valid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    if (!METHOD_ONE_OF0_LAST4_PATTERN.find(text)) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/0/properties/last4}, from
   * {@code src/events/payment.yaml:43:18}.
   */
  private static void checkMethodOneOf0Last4(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      if (!METHOD_ONE_OF0_LAST4_PATTERN.find(text)) {
        out.add(path, "pattern", "must match pattern \"^\\d{4}$\"");
      }
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/1/properties/type}, from {@code
   * src/events/payment.yaml:47:17}.
   */
  private static boolean isMethodOneOf1TypeValid(JsonNode node) {
    if (!(node.isTextual() && node.textValue().equals("bank_transfer"))) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/1/properties/type}, from
   * {@code src/events/payment.yaml:47:17}.
   */
  private static void checkMethodOneOf1Type(JsonNode node, String path, ViolationCollector out) {
    if (!(node.isTextual() && node.textValue().equals("bank_transfer"))) {
      out.add(path, "const", "must be equal to \"bank_transfer\"");
    }
  }

  /**
   * Whether a value matches schema {@code #/properties/method/oneOf/1/properties/iban}, from {@code
   * src/events/payment.yaml:48:17}.
   */
  private static boolean isMethodOneOf1IbanValid(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    int length = JsonValues.length(text);
    if (length < 15) {
      return false;
    }
    if (length > 34) {
      return false;
    }
    return true;
  }

  /**
   * Reports how a value breaks schema {@code #/properties/method/oneOf/1/properties/iban}, from
   * {@code src/events/payment.yaml:48:17}.
   */
  private static void checkMethodOneOf1Iban(JsonNode node, String path, ViolationCollector out) {
    if (!node.isTextual()) {
      out.add(path, "type", "must be a string");
    } else {
      String text = node.textValue();
      int length = JsonValues.length(text);
      if (length < 15) {
        out.add(path, "minLength", "must be at least 15 characters long");
      }
      if (length > 34) {
        out.add(path, "maxLength", "must be at most 34 characters long");
      }
    }
  }
}
