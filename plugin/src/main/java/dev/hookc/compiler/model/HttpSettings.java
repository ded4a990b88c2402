package dev.hookc.compiler.model;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The HTTP server's settings from {@code src/eventsources/http.yaml}.
 *
 * @param port the port to serve on when {@code PORT} is unset, if given
 * @param baseUrl the prefix of every route, e.g. {@code /api}; empty for none
 * @param maxBodyBytes the body limit of routes without their own, if given
 * @param validateResponses what a response that breaks its declared schema leads to
 * @param docs where the application serves its API documentation, and the document's {@code info}
 * @param metrics where the {@code hookc-metrics} module serves the metrics, if at all
 */
public record HttpSettings(
    OptionalInt port,
    String baseUrl,
    OptionalLong maxBodyBytes,
    ResponseValidation validateResponses,
    ApiDocsSettings docs,
    MetricsSettings metrics) {

  /** The settings of a project without {@code http.yaml}. */
  public static final HttpSettings DEFAULTS =
      new HttpSettings(
          OptionalInt.empty(),
          "",
          OptionalLong.empty(),
          ResponseValidation.ENFORCE,
          ApiDocsSettings.DEFAULTS,
          MetricsSettings.DEFAULTS);

  /** {@code validate_responses}: {@code enforce}, {@code log} or {@code off}. */
  public enum ResponseValidation {
    /** Log the violations and answer 500 instead. */
    ENFORCE,
    /** Log the violations and send the response anyway. */
    LOG,
    /** Generate no response validation. */
    OFF
  }
}
