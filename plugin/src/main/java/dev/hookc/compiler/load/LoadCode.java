package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/**
 * Diagnostic codes for the shape of events ({@code HC2xxx}), workflows ({@code HC3xxx}) and the
 * Java function sources read beside them ({@code HC38xx}).
 */
public enum LoadCode implements DiagnosticCode {
  EVENT_UNKNOWN_SOURCE("HC2001", "an event key names an event source hookc does not know"),
  EVENT_UNKNOWN_METHOD("HC2002", "an event key names an HTTP method that does not exist"),
  EVENT_PATH_NOT_ABSOLUTE("HC2003", "an event's path does not start with '/'"),
  EVENT_MALFORMED_PARAMETER("HC2004", "a path parameter is malformed ('{name}' or ':name')"),
  EVENT_NOT_MAPPING("HC2005", "an event's value, or one of its keys' values, has the wrong shape"),
  EVENT_UNKNOWN_KEY("HC2006", "an event has a key hookc does not know"),
  EVENT_UNSUPPORTED_KEY("HC2007", "an event uses a Godspeed key that hookc does not support yet"),
  EVENT_MISSING_FN("HC2008", "an event has no 'fn' to handle it"),
  EVENT_UNSUPPORTED_CONTENT_TYPE("HC2009", "a content type the runtime cannot serve"),
  EVENT_PARAMETER_NOT_IN_PATH(
      "HC2010", "a parameter declared 'in: path' does not appear in the path"),
  EVENT_PARAMETER_WRONG_IN("HC2011", "a path parameter is declared with another 'in'"),
  EVENT_BAD_RESPONSE_STATUS("HC2012", "a response key is not an HTTP status code or 'default'"),
  EVENT_MALFORMED_KEY("HC2015", "an event key is not '<source>.<method>.<path>'"),
  EVENT_BAD_PARAMETER("HC2016", "a parameter is malformed (no name, unknown 'in', ...)"),
  EVENT_BAD_DOCS(
      "HC2040",
      "a documentation key (description, tags, examples, a response's or the body's keys) has the"
          + " wrong shape or is unknown"),
  TOPIC_BAD_NAME("HC2120", "a Kafka event's topic (or dead-letter topic) is not a topic name"),
  TOPIC_BAD_GROUP("HC2121", "a Kafka event's consumer group id is malformed"),
  TOPIC_DUPLICATE("HC2122", "two Kafka events read the same topic as the same consumer group"),
  TOPIC_KEY_NOT_APPLICABLE(
      "HC2123", "a Kafka event has a key that only an HTTP event has (authn, responses, ...)"),
  TOPIC_BAD_SETTING("HC2124", "a Kafka event's 'dead_letter' or 'retry' is malformed"),
  HOOK_MALFORMED(
      "HC2030", "a validation-error hook is neither a workflow name, a list of tasks nor false"),
  HOOK_ON_ASYNC("HC2031", "an event with 'delivery: async' declares a validation-error hook"),
  WORKFLOW_ID_MISMATCH("HC3001", "a workflow's 'id' differs from the id its file gives it"),
  WORKFLOW_NO_TASKS("HC3003", "a workflow or control-flow task has no tasks"),
  TASK_UNKNOWN_KEY("HC3004", "a task has a key hookc does not know"),
  TASK_DUPLICATE_ID("HC3005", "two tasks of one workflow have the same id"),
  TASK_NOTHING_TO_DO("HC3006", "a task has neither 'fn', 'args' nor 'tasks'"),
  TASK_MISSING_ID("HC3007", "a task has no 'id'"),
  WORKFLOW_UNKNOWN_KEY("HC3009", "a workflow has a key hookc does not know"),
  TASK_NOT_MAPPING("HC3010", "a task, or the value of one of its keys, has the wrong shape"),
  ON_ERROR_MALFORMED(
      "HC3601", "'on_error' is malformed (not a mapping, unknown key, 'continue' not a boolean)"),
  RETRY_MALFORMED(
      "HC3602", "'retry' is malformed (unknown key or type, bad 'max_attempts' or duration)"),
  SWITCH_CASES_MALFORMED("HC3603", "a switch's 'cases' or 'defaults' are not tasks"),
  TASK_UNSUPPORTED_KEY(
      "HC3011", "a task uses a Godspeed key that hookc does not support yet", Severity.ERROR),
  JAVA_UNREADABLE(
      "HC3801",
      "a Java function's source file cannot be parsed; javac will say why",
      Severity.WARNING);

  private final Spec spec;

  LoadCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  LoadCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
