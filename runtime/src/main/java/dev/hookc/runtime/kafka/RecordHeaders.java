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
  private static final String ROUTE = "hookc-route";
  private static final String RECEIVED_AT = "hookc-received-at";

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
    all.add(Map.entry(ROUTE, route));
    if (authn != null) {
      all.add(Map.entry("hookc-authn", authn));
    }
    all.add(Map.entry(RECEIVED_AT, receivedAt.toString()));
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
   * The headers of a record a workflow's publish task produces: {@code given}, in order, then what
   * a hand-off's record says of the work running now, each when it is known and {@code given} does
   * not set it: {@code hookc-delivery-id} (the id of the async delivery or Kafka record being
   * processed), {@code hookc-route} (the route or Kafka event that ran the workflow) and {@code
   * hookc-received-at}; then the trace context.
   */
  static List<Map.Entry<String, String>> published(Map<String, String> given) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    given.forEach((name, value) -> all.add(Map.entry(name, value)));
    WorkContext work = WorkContext.current();
    if (work != null) {
      add(all, given, DELIVERY_ID, work.deliveryId());
      add(all, given, ROUTE, work.route());
      add(all, given, RECEIVED_AT, work.receivedAt() == null ? null : work.receivedAt().toString());
    }
    WorkContext.telemetry().propagate((name, value) -> all.add(Map.entry(name, value)));
    return all;
  }

  private static void add(
      List<Map.Entry<String, String>> all, Map<String, String> given, String name, String value) {
    if (value != null && !given.containsKey(name)) {
      all.add(Map.entry(name, value));
    }
  }
}
