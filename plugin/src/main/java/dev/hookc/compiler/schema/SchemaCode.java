package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of the schema stage ({@code HC5xxx}). */
public enum SchemaCode implements DiagnosticCode {
  NOT_A_SCHEMA("HC5001", "a schema is neither a mapping of keywords nor true or false"),
  UNKNOWN_TYPE("HC5002", "'type' names a type JSON Schema does not have"),
  WRONG_VALUE("HC5003", "a keyword's value has the wrong kind, e.g. 'minimum' is not a number"),
  NEGATIVE_COUNT("HC5004", "a length or count keyword is not a non-negative integer"),
  INVALID_PATTERN("HC5005", "a regular expression in 'pattern' or 'patternProperties' is invalid"),
  UNRESOLVED_REF("HC5006", "a '$ref' points at no schema"),
  UNSUPPORTED_KEYWORD("HC5007", "a keyword hookc does not know or does not support"),
  REQUIRED_NOT_DECLARED(
      "HC5008",
      "a 'required' property is not in 'properties' while 'additionalProperties' is false"),
  UNKNOWN_FORMAT(
      "HC5009", "a 'format' hookc does not check, so it is not enforced", Severity.WARNING),
  BACKTRACKING_PATTERN(
      "HC5010",
      "a pattern needs a backtracking engine, so it runs under a step budget",
      Severity.WARNING),
  PAYLOAD_CLASSES_UNSUPPORTED(
      "HC5090", "a body schema whose payload classes hookc cannot generate, e.g. names that clash");

  private final Spec spec;

  SchemaCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  SchemaCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
