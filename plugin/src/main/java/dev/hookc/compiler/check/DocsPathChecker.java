package dev.hookc.compiler.check;

import dev.hookc.compiler.contract.ContractCode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.HttpSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports an event whose route is one of the paths the application serves its API documentation on,
 * which the server would otherwise refuse to start with.
 */
public final class DocsPathChecker {
  private final Diagnostics diagnostics;

  public DocsPathChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks {@code events} against the documentation paths of {@code settings}. */
  public void check(List<Event> events, HttpSettings settings) {
    ApiDocsSettings docs = settings.docs();
    if (!docs.enabled()) {
      return;
    }
    List<String> taken = new ArrayList<>(List.of(docs.endpoint(), docs.endpoint() + ".yaml"));
    docs.ui().ifPresent(taken::add);
    for (Event event : events) {
      if (!event.isRoute()) {
        continue;
      }
      String path = strip(settings.baseUrl() + event.path());
      boolean clash =
          taken.stream()
              .anyMatch(
                  p ->
                      path.equals(p)
                          || (docs.ui().map(p::equals).orElse(false) && path.startsWith(p + "/")));
      if (clash) {
        diagnostics.report(
            ContractCode.SETTINGS_BAD_DOCS,
            event.keyNode().location(),
            "'"
                + event.key()
                + "' takes a path of the API documentation ("
                + String.join(", ", taken)
                + ")",
            "move the documentation with docs.endpoint (or docs.ui) in http.yaml,"
                + " or turn it off with docs.enabled: false");
      }
    }
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
