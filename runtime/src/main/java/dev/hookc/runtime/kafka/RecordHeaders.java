package dev.hookc.runtime.kafka;

import dev.hookc.runtime.Request;
import dev.hookc.runtime.telemetry.WorkContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers of a record hookc produces for a delivery. A hand-off and an outbox write the same
 * ones, so that one consumer reads both.
 */
final class RecordHeaders {
  private RecordHeaders() {}

  /**
   * {@code hookc-delivery-id}, {@code hookc-route}, {@code hookc-authn} (when {@code authn} is not
   * null), {@code hookc-received-at}, {@code content-type}, the values of the {@code copied}
   * request headers (lower-case names), and the trace context of the work running now.
   */
  static List<Map.Entry<String, String>> of(
      String deliveryId,
      String route,
      String authn,
      Instant receivedAt,
      Request request,
      List<String> copied) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    all.add(Map.entry("hookc-delivery-id", deliveryId));
    all.add(Map.entry("hookc-route", route));
    if (authn != null) {
      all.add(Map.entry("hookc-authn", authn));
    }
    all.add(Map.entry("hookc-received-at", receivedAt.toString()));
    String contentType = request.header("content-type");
    if (contentType != null) {
      all.add(Map.entry("content-type", contentType));
    }
    for (String name : copied) {
      for (String value : request.headerValues(name)) {
        all.add(Map.entry(name, value));
      }
    }
    WorkContext.telemetry().propagate((name, value) -> all.add(Map.entry(name, value)));
    return all;
  }
}
