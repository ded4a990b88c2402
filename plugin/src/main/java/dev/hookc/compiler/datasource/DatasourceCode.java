package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of datasources ({@code HC6xxx}): their files, then the tasks calling them. */
public enum DatasourceCode implements DiagnosticCode {
  BAD_NAME("HC6001", "a datasource file's name is not a name tasks can use"),
  UNKNOWN_KEY("HC6002", "a datasource has a key hookc does not know"),
  MALFORMED("HC6003", "a datasource key has the wrong shape or value"),
  BAD_SETTING("HC6004", "a datasource setting's expression reads something other than config/env"),
  MIGRATION_NAME("HC6005", "a migration file's name is not V<version>__<description>.sql"),
  MIGRATION_DUPLICATE("HC6006", "two migrations of a datasource have the same version"),
  MIGRATION_FAILS("HC6007", "a migration script fails on the build-time database"),
  STATEMENT_SYNTAX("HC6008", "a statement's named parameters cannot be read"),
  STATEMENT_INVALID(
      "HC6009", "the build-time database refuses a statement (unknown table, column, syntax)"),
  UNKNOWN_DATASOURCE("HC6101", "a task names a datasource that src/datasources does not declare"),
  UNKNOWN_OPERATION("HC6102", "a task names a statement or operation its datasource lacks"),
  MISSING_PARAMETER("HC6103", "a statement's parameter has no value in the task's args"),
  UNKNOWN_PARAMETER("HC6104", "a task's args name a parameter the statement does not have"),
  PARAMETER_TYPE("HC6105", "an arg's type cannot be bound to its parameter's SQL type"),
  BAD_ARGS("HC6106", "a datasource task's args have the wrong shape or an unknown key"),
  PATH_TEMPLATE("HC6107", "an http task's path templates and its 'args.path' do not match"),
  TRANSACTION_TASK("HC6108", "a transaction holds a task that cannot run inside it"),
  STORE_DATASOURCE("HC6109", "http.yaml puts the store on a datasource that is not a jdbc one");

  private final Spec spec;

  DatasourceCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
