package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes for parameters, body limits and {@code http.yaml} ({@code HC21xx}). */
public enum ContractCode implements DiagnosticCode {
  PARAMETER_NOT_CONVERTIBLE(
      "HC2101", "a parameter's schema has a type that text cannot be converted to"),
  BAD_BODY_SIZE("HC2102", "'max_body_size' is not a size such as 262144, 256KiB or 1MiB"),
  SETTINGS_UNKNOWN_KEY("HC2103", "http.yaml has a key hookc does not know"),
  SETTINGS_BAD_VALUE("HC2104", "a setting in http.yaml has the wrong shape or value"),
  SETTINGS_UNSUPPORTED_KEY(
      "HC2105", "http.yaml uses a Godspeed key that hookc does not support yet"),
  BAD_BODY_REQUIRED("HC2106", "'body.required' is not true or false"),
  SETTINGS_BAD_DOCS(
      "HC2107",
      "the 'docs' block of http.yaml is malformed (unknown key, bad path, info or servers)"),
  SETTINGS_BAD_METRICS(
      "HC2108", "the 'metrics' block of http.yaml is malformed (unknown key, bad enabled or path)");

  private final Spec spec;

  ContractCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
