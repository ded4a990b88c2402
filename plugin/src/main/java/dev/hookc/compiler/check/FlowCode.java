package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of the checks on built-in tasks, returns and configuration. */
public enum FlowCode implements DiagnosticCode {
  ELSE_WITHOUT_IF("HC3611", "com.gs.elif or com.gs.else does not follow com.gs.if or com.gs.elif"),
  SWITCH_WITHOUT_CASES("HC3612", "com.gs.switch has no 'cases'"),
  LOOP_WITHOUT_VALUE("HC3613", "com.gs.switch or a loop has no 'value'"),
  IF_WITHOUT_CONDITION("HC3614", "com.gs.if or com.gs.elif has no 'condition'"),
  BUILTIN_BAD_ARGS("HC3615", "a built-in's 'args' have the wrong shape (e.g. com.gs.log)"),
  UNREACHABLE_TASK("HC3616", "a task can never run: it follows a return", Severity.WARNING),
  RETURN_CODE_UNDECLARED(
      "HC3617",
      "a return's status code is not among the calling event's 'responses'",
      Severity.WARNING),
  RETURN_BODY_MISMATCH(
      "HC3618", "a return's literal body contradicts the declared response schema"),
  BUILTIN_KEY_MISPLACED(
      "HC3619", "a task has a key its function does not use, or lacks the 'tasks' it needs"),
  LOOP_VALUE_NOT_LIST("HC3620", "a loop's 'value' is not a list"),
  CONFIG_UNKNOWN_KEY(
      "HC3701", "an environment or variable config file has a key config/default.yaml lacks"),
  CONFIG_BAD_VARIABLE(
      "HC3702", "custom-environment-variables.yaml maps a key to something not a variable name");

  private final Spec spec;

  FlowCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  FlowCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
