package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of the YAML reading stage ({@code HC1xxx}). */
public enum YamlCode implements DiagnosticCode {
  SYNTAX("HC1001", "the file is not valid YAML"),
  DUPLICATE_KEY("HC1002", "a key appears twice in the same mapping"),
  ROOT_NOT_MAPPING("HC1003", "the file's top level is not a mapping of keys to values"),
  TAB_INDENTATION("HC1004", "a tab is used for indentation; YAML allows only spaces"),
  COMPLEX_KEY("HC1005", "a mapping key is a list or mapping instead of a plain value"),
  UNREADABLE("HC1006", "the file cannot be read (not UTF-8, or an I/O error)"),
  EMPTY_FILE("HC1007", "the file has no content", Severity.WARNING),
  BARE_DURATION(
      "HC1008",
      "a duration is a number without a unit, read in the setting's old unit",
      Severity.WARNING);

  private final Spec spec;

  YamlCode(String id, String summary) {
    this(id, summary, Severity.ERROR);
  }

  YamlCode(String id, String summary, Severity severity) {
    this.spec = new Spec(id, summary, severity);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
