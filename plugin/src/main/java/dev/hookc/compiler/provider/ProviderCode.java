package dev.hookc.compiler.provider;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Severity;

/** Diagnostic codes of provider schemas ({@code HC70xx}). */
public enum ProviderCode implements DiagnosticCode {
  UNKNOWN_DOCUMENT(
      "HC7001", "a '$ref' names a document that is neither a bundled pack nor a file under src/"),
  MALFORMED_DOCUMENT("HC7002", "an OpenAPI document cannot be read, or is not an OpenAPI document"),
  UNRESOLVED_POINTER("HC7003", "a '$ref' into an OpenAPI document points at nothing there"),
  NO_JSON_BODY("HC7004", "a webhook of an OpenAPI document has no application/json body schema"),
  UNKNOWN_EVENT_TYPE("HC7005", "'github.events' names an event type GitHub does not send"),
  BAD_DECLARATION("HC7006", "'github' is not a mapping with a non-empty list 'events'"),
  EXTERNAL_REF("HC7007", "a '$ref' inside an OpenAPI document names another document"),
  UNACCEPTED_CASE(
      "HC7008",
      "a com.gs.switch on the event type has a case for a type the route does not accept"),
  EVENT_HEADER_SPELLING(
      "HC7009", "a com.gs.switch reads X-GitHub-Event by a name that is not lower case");

  private final Spec spec;

  ProviderCode(String id, String summary) {
    this.spec = new Spec(id, summary, Severity.ERROR);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
