package dev.hookc.runtime.kafka;

import dev.hookc.runtime.Request;
import dev.hookc.runtime.telemetry.WorkContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers of a record hookc produces for a delivery. A hand-off and an outbox write the same
 * ones, so that one consumer reads both; a workflow's publish task writes its own, the delivery id
 * and the trace context.
 */
final class RecordHeaders {
  private static final String DELIVERY_ID = "hookc-delivery-id";

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
    all.add(Map.entry(DELIVERY_ID, deliveryId));
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

  /**
   * The headers of a record a workflow's publish task produces: {@code given}, in order, then
   * {@code hookc-delivery-id} (the id of the async delivery or Kafka record being processed, when
   * there is one and {@code given} has none), then the trace context of the work running now.
   */
  static List<Map.Entry<String, String>> published(Map<String, String> given) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    given.forEach((name, value) -> all.add(Map.entry(name, value)));
    WorkContext work = WorkContext.current();
    String deliveryId = work == null ? null : work.deliveryId();
    if (deliveryId != null && !given.containsKey(DELIVERY_ID)) {
      all.add(Map.entry(DELIVERY_ID, deliveryId));
    }
    WorkContext.telemetry().propagate((name, value) -> all.add(Map.entry(name, value)));
    return all;
  }
}
