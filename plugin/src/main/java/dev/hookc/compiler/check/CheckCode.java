package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of the cross-file checks. */
public enum CheckCode implements DiagnosticCode {
  DUPLICATE_ROUTE("HC2013", "two events listen to the same method and path"),
  EVENT_FN_UNRESOLVED("HC2017", "an event's 'fn' names no workflow or Java function"),
  TASK_FN_UNRESOLVED("HC3008", "a task's 'fn' names no built-in, workflow or Java function"),
  BUILTIN_UNSUPPORTED("HC3012", "a Godspeed built-in function that hookc does not support yet"),
  WORKFLOW_CYCLE("HC3013", "workflows call each other in a cycle"),
  EVENT_FN_BUILTIN("HC2018", "an event's 'fn' is a built-in, which cannot handle a request alone"),
  EVENT_FN_JAVA("HC2019", "an event's 'fn' names a Java function; events are handled by workflows"),
  FUNCTION_CONSTRUCTOR(
      "HC3802", "a Java function class has several public constructors, or only non-public ones"),
  FUNCTION_PARAMETER(
      "HC3803", "a Java function's constructor takes a parameter of a type hookc cannot inject"),
  HOOK_WORKFLOW_SHARED(
      "HC2032",
      "a workflow named by a validation-error hook also handles an event or the other kind of hook");

  private final Spec spec;

  CheckCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  CheckCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
