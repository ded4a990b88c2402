package dev.hookc.compiler.expr;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of the {@code <% %>} expression language ({@code HC4xxx}). */
public enum ExprCode implements DiagnosticCode {
  UNTERMINATED_TEMPLATE("HC4001", "a '<%' has no matching '%>'"),
  EMPTY_EXPRESSION("HC4002", "'<% %>' contains no expression"),
  UNEXPECTED_CHARACTER("HC4003", "a character that cannot start any token of the language"),
  UNTERMINATED_STRING("HC4004", "a string literal is not closed on the same expression"),
  SYNTAX("HC4005", "the expression does not follow the grammar (unexpected token)"),
  UNSUPPORTED_SYNTAX(
      "HC4006",
      "JavaScript that expressions do not support: assignment, functions, statements, new, ..."),
  UNKNOWN_NAME("HC4007", "an expression starts with a name that is not in scope"),
  TASK_NOT_YET_RUN("HC4008", "an expression reads a task that has not run at this point"),
  UNKNOWN_PROPERTY("HC4009", "a property that the object's schema does not declare"),
  NO_PROPERTIES("HC4010", "a property read on a value that has none (a number, a boolean, null)"),
  UNKNOWN_METHOD("HC4011", "a method that strings or lists do not have"),
  NOT_CALLABLE("HC4012", "a call of something that is not a method of a string or list"),
  ARGUMENT_COUNT("HC4013", "a method called with too few or too many arguments"),
  ARGUMENT_TYPE("HC4014", "a method argument of the wrong type"),
  OPERAND_TYPE("HC4015", "an operator applied to values it does not work on"),
  INDEX_TYPE("HC4016", "an index of the wrong type, or indexing a value that has no elements"),
  DUPLICATE_KEY("HC4017", "an object literal names the same key twice"),
  INVALID_NUMBER("HC4018", "a malformed number literal"),
  INPUT_UNAVAILABLE(
      "HC4019",
      "an input the route's requests do not carry: inputs.delivery where authn identifies no"
          + " delivery"),
  UNKNOWN_RESULT_FIELD(
      "HC4020", "a field that the record a Java function declares it returns does not have"),
  UNDECLARED_PROPERTY(
      "HC4030",
      "a property that the object's schema does not declare, though it admits others: most likely"
          + " a misspelling; read it as inputs.body['name'] if it is meant",
      Severity.WARNING),
  NOT_SENT_BY_PROVIDER(
      "HC4031", "a property that the provider's published schema of the object does not declare"),
  UNDECLARED_REQUIRED(
      "HC4032",
      "a property the schema does not declare, read where the value must exist: an idempotency"
          + " key, an http call's path template"),
  INPUT_TYPE_CONFLICT(
      "HC4040",
      "tasks calling a workflow (or its events) pass one of its inputs with incompatible types"),
  INPUT_NOT_PASSED(
      "HC4041",
      "a workflow reads an input that no task calling it (and none of its events) passes");

  private final Spec spec;

  ExprCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  ExprCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
