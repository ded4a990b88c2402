package dev.hookc.compiler.expr;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.expr.ExprType.PojoType;
import dev.hookc.compiler.expr.ExprType.PojoType.Property;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scope like a workflow task's: {@code inputs} (a payload with a typed {@code body} and a dynamic
 * {@code query}), {@code blank} (the same with every body field missing), dynamic {@code config},
 * an earlier task {@code fetch} whose result is an object of known keys, and a later task {@code
 * notify} that has not run yet.
 */
final class TestScope implements Scope {
  static final ClassName BODY = ClassName.get("t", "Body");
  static final ClassName INPUTS = ClassName.get("t", "Inputs");

  static final PojoType BODY_TYPE =
      new PojoType(
          BODY,
          props(
              new Property("name", ExprType.STRING, "getName"),
              new Property("amount", ExprType.INTEGER, "getAmount"),
              new Property("price", ExprType.NUMBER, "getPrice"),
              new Property("paid", ExprType.BOOLEAN, "getPaid"),
              new Property("tags", new ExprType.ListType(ExprType.STRING), "getTags"),
              new Property("status", ExprType.STRING, "getStatus")),
          ExprType.Openness.CLOSED);

  static final PojoType INPUTS_TYPE =
      new PojoType(
          INPUTS,
          props(
              new Property("body", BODY_TYPE, "body", true),
              new Property("query", ExprType.DYNAMIC, "query", true)),
          ExprType.Openness.CLOSED);

  static final ExprType FETCH_TYPE =
      new ExprType.ObjectType(
          Map.of("code", ExprType.INTEGER, "data", ExprType.DYNAMIC, "ok", ExprType.BOOLEAN));

  /** The payload classes the bindings refer to. */
  static final Map<String, String> SOURCES =
      Map.of(
          "t.Body",
          """
          package t;
          import java.math.BigDecimal;
          import java.util.List;
          public final class Body {
            private final String name; private final Long amount; private final BigDecimal price;
            private final Boolean paid; private final List<String> tags;
            public Body(String name, Long amount, BigDecimal price, Boolean paid, List<String> tags) {
              this.name = name; this.amount = amount; this.price = price; this.paid = paid;
              this.tags = tags;
            }
            public String getName() { return name; }
            public Long getAmount() { return amount; }
            public BigDecimal getPrice() { return price; }
            public Boolean getPaid() { return paid; }
            public List<String> getTags() { return tags; }
            public String getStatus() { return "paid"; }
          }
          """,
          "t.Inputs",
          """
          package t;
          import com.fasterxml.jackson.databind.JsonNode;
          public record Inputs(Body body, JsonNode query) {}
          """);

  private static Map<String, Property> props(Property... properties) {
    Map<String, Property> map = new LinkedHashMap<>();
    for (Property p : properties) {
      map.put(p.name(), p);
    }
    return map;
  }

  @Override
  public Optional<Binding> root(String name) {
    return switch (name) {
      case "inputs", "blank" -> Optional.of(new Binding(INPUTS_TYPE, CodeBlock.of(name)));
      case "config" -> Optional.of(new Binding(ExprType.DYNAMIC, CodeBlock.of("config")));
      case "fetch" -> Optional.of(new Binding(FETCH_TYPE, CodeBlock.of("fetch")));
      default -> Optional.empty();
    };
  }

  @Override
  public Set<String> rootNames() {
    return Set.of("inputs", "blank", "config", "fetch");
  }

  @Override
  public Optional<String> whyTaskUnavailable(String name) {
    return name.equals("notify")
        ? Optional.of("'notify' runs after this task; move the expression below it")
        : Optional.empty();
  }

  static List<String> parameters() {
    return List.of(
        "t.Inputs inputs",
        "t.Inputs blank",
        "com.fasterxml.jackson.databind.JsonNode config",
        "com.fasterxml.jackson.databind.JsonNode fetch");
  }
}
