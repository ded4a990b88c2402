package dev.hookc.runtime.internal.httpclient;

import java.time.Duration;
import java.util.Map;

/**
 * A datasource's settings, resolved.
 *
 * @param name its name
 * @param baseUrl its base URL without a trailing slash
 * @param headers its default headers
 * @param timeout a call's deadline when the call gives none
 * @param maxBodyBytes the largest body of an answer
 */
record HttpTarget(
    String name, String baseUrl, Map<String, String> headers, Duration timeout, int maxBodyBytes) {

  HttpTarget {
    headers = Map.copyOf(headers);
  }
}
