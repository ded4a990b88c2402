package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The type of {@code inputs} in a workflow's expressions, from the events that run it. */
final class WorkflowInputs {
  /** {@code inputs.delivery} on a route whose authn identifies deliveries. */
  static final ExprType DELIVERY = deliveryType();

  private final Names names;

  WorkflowInputs(Names names) {
    this.names = names;
  }

  /** The workflow that {@code event}'s {@code fn} names, if it names one. */
  static Optional<Workflow> handlingWorkflow(Event event, FunctionTable functions) {
    return event
        .fn()
        .flatMap(fn -> functions.resolve(fn.name()))
        .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
        .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
  }

  /**
   * The inputs of {@code workflow}, whose {@code inputs.body} has type {@code body}, whose
   * parameters have {@code parameters}, and which {@code servedEvents} run.
   */
  ExprType type(
      Workflow workflow,
      ExprType body,
      Map<String, ExprType> parameters,
      List<Event> servedEvents) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    properties.put("body", new ExprType.PojoType.Property("body", body, "body", true));
    for (String name : List.of("params", "query", "headers", "user", "cookies")) {
      ExprType type = parameters.getOrDefault(name, ExprType.DYNAMIC);
      properties.put(name, new ExprType.PojoType.Property(name, type, name, true));
    }
    // Text, since signatures are computed over it; null when a calling task passes none.
    properties.put(
        "raw_body", new ExprType.PojoType.Property("raw_body", ExprType.STRING, "rawBody", false));
    properties.put("delivery", delivery(workflow, servedEvents));
    return new ExprType.PojoType(
        names.workflowInputs(workflow), properties, ExprType.Openness.CLOSED);
  }

  /**
   * {@code inputs.delivery} of {@code workflow}, which {@code servedEvents} run: typed when every
   * one identifies its deliveries; a build error to read when one does not; dynamic when there are
   * none, since a calling task then passes it.
   */
  private static ExprType.PojoType.Property delivery(Workflow workflow, List<Event> servedEvents) {
    for (Event event : servedEvents) {
      if (event.subscription().isPresent()) {
        continue; // a record's delivery id is its hookc-delivery-id, else its place in the log
      }
      Optional<String> why = event.guard().whyNoDelivery();
      if (why.isPresent()) {
        return ExprType.PojoType.Property.unavailable(
            "delivery",
            "delivery",
            "inputs.delivery is not available: workflow '"
                + workflow.id()
                + "' serves "
                + event.method()
                + " "
                + event.path()
                + ", and "
                + why.get(),
            RouteGuard.DELIVERY_HINT + ", or read inputs.headers");
      }
    }
    return new ExprType.PojoType.Property(
        "delivery", servedEvents.isEmpty() ? ExprType.DYNAMIC : DELIVERY, "delivery", true);
  }

  private static ExprType deliveryType() {
    Map<String, ExprType> fields = new LinkedHashMap<>();
    fields.put("scheme", ExprType.STRING);
    fields.put("id", ExprType.STRING);
    fields.put("timestamp", ExprType.INTEGER);
    fields.put("event", ExprType.STRING);
    return new ExprType.ObjectType(fields);
  }
}
