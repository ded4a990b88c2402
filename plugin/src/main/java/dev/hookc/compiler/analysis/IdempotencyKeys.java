package dev.hookc.compiler.analysis;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.expr.Binding;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.model.AsyncDelivery;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.KafkaForward;
import dev.hookc.compiler.model.KafkaHandoff;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Type-checks each route's idempotency key against the route's inputs, as a value that must exist:
 * a key the request never carries refuses every delivery, so a property its schema does not declare
 * is an error here, where a workflow only gets a warning.
 */
final class IdempotencyKeys {
  /** A dotted name with a dash, which the key accepts but an expression reads as a subtraction. */
  private static final Pattern DASHED = Pattern.compile(".*\\.[A-Za-z_$][\\w$]*-.*");

  private static final ClassName INPUTS = ClassName.get("dev.hookc.runtime", "Inputs");

  private final ExpressionCompiler expressions;

  IdempotencyKeys(ExpressionCompiler expressions) {
    this.expressions = expressions;
  }

  /** Checks the key of each of {@code events} whose body has the type {@code bodyTypes} holds. */
  void check(Iterable<Event> events, Map<Event, ExprType> bodyTypes) {
    for (Event event : events) {
      Optional<Idempotency> key = event.guard().idempotency();
      // inputs.delivery is checked with the route's authn (GuardChecker).
      if (key.isEmpty()
          || key.get().source().equals("delivery")
          || DASHED.matcher(key.get().key().value()).matches()) {
        continue;
      }
      ExprType body = bodyTypes.getOrDefault(event, ExprType.DYNAMIC);
      expressions.compileRequired(key.get().key(), scope(event, body), "an idempotency key");
    }
    // A Kafka record key is checked the same way: a key the request never carries refuses
    // every delivery with 400.
    for (Event event : events) {
      Optional<KafkaHandoff.Key> key = event.guard().kafka().flatMap(KafkaHandoff::key);
      if (key.isEmpty()
          || key.get().source().equals("delivery")
          || DASHED.matcher(key.get().key().value()).matches()) {
        continue;
      }
      ExprType body = bodyTypes.getOrDefault(event, ExprType.DYNAMIC);
      expressions.compileRequired(key.get().key(), scope(event, body), "a Kafka record key");
    }
    // So is a forwarded record's key.
    for (Event event : events) {
      Optional<KafkaForward.Key> key =
          event.guard().async().flatMap(AsyncDelivery::forward).flatMap(KafkaForward::key);
      if (key.isEmpty() || DASHED.matcher(key.get().key().value()).matches()) {
        continue;
      }
      ExprType body = bodyTypes.getOrDefault(event, ExprType.DYNAMIC);
      expressions.compileRequired(key.get().key(), scope(event, body), "a Kafka record key");
    }
  }

  private static Scope scope(Event event, ExprType body) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    properties.put("body", new ExprType.PojoType.Property("body", body, "body", true));
    WorkflowParameters.types(event.contract())
        .forEach(
            (name, type) ->
                properties.put(name, new ExprType.PojoType.Property(name, type, name, true)));
    Binding inputs =
        new Binding(
            new ExprType.PojoType(INPUTS, properties, ExprType.Openness.CLOSED),
            CodeBlock.of("inputs"));
    return new Scope() {
      @Override
      public Optional<Binding> root(String name) {
        return name.equals("inputs") ? Optional.of(inputs) : Optional.empty();
      }

      @Override
      public Set<String> rootNames() {
        return Set.of("inputs");
      }

      @Override
      public Optional<String> whyTaskUnavailable(String name) {
        return Optional.empty();
      }
    };
  }
}
