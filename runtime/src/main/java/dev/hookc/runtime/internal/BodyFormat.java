package dev.hookc.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content types a route's body may come in, whether it may be left out, and how its form fields
 * convert from text: what {@link RequestBodies#read(dev.hookc.runtime.Request, BodyFormat)} reads
 * by. Generated controllers name it as they would say it, e.g. {@code BodyFormat.json()} or {@code
 * BodyFormat.form().formFields(FORM_FIELDS).optional()}.
 */
public final class BodyFormat {
  private final List<String> accepted;
  private final boolean required;
  private final Map<String, Conversion> formFields;

  private BodyFormat(List<String> accepted, boolean required, Map<String, Conversion> formFields) {
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException("a body format accepts at least one content type");
    }
    this.accepted = List.copyOf(accepted);
    this.required = required;
    this.formFields = Map.copyOf(formFields);
  }

  /** A required {@code application/json} body. */
  public static BodyFormat json() {
    return of(RequestBodies.JSON);
  }

  /** A required {@code application/x-www-form-urlencoded} body whose fields all stay text. */
  public static BodyFormat form() {
    return of(RequestBodies.FORM);
  }

  /**
   * A required body in one of {@code contentTypes}; one sent without a {@code Content-Type} is read
   * as the first.
   */
  public static BodyFormat of(String... contentTypes) {
    return new BodyFormat(List.of(contentTypes), true, Map.of());
  }

  /** This format, where an empty body is the missing node rather than a 400. */
  public BodyFormat optional() {
    return new BodyFormat(accepted, false, formFields);
  }

  /** This format, converting each of {@code fields} of a form body; others stay text. */
  public BodyFormat formFields(Map<String, Conversion> fields) {
    return new BodyFormat(accepted, required, Objects.requireNonNull(fields, "fields"));
  }

  /** The accepted content types, in declaration order. */
  List<String> accepted() {
    return accepted;
  }

  /** Whether an empty body is a 400. */
  boolean required() {
    return required;
  }

  /** How each declared form field converts from text. */
  Map<String, Conversion> formFields() {
    return formFields;
  }
}
