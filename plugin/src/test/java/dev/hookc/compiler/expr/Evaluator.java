package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlScalar;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles many expressions against {@link TestScope} into one class, with one javac call, and
 * evaluates each with a fixed request.
 */
final class Evaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Evaluator() {}

  /** Each expression's value, or with {@code condition} its truth, in order. */
  static List<Object> evaluate(List<String> scalars, boolean condition) throws Exception {
    StringBuilder source = new StringBuilder("public final class Exprs {\n");
    ExpressionCompiler compiler = new ExpressionCompiler(new Diagnostics());
    for (int i = 0; i < scalars.size(); i++) {
      Diagnostics diagnostics = new Diagnostics();
      compiler = new ExpressionCompiler(diagnostics);
      YamlScalar scalar =
          YamlScalar.of(scalars.get(i), ScalarType.STRING, new Location("t.yaml", 1, 1));
      var compiled =
          condition
              ? compiler.compileCondition(scalar, new TestScope())
              : compiler.compile(scalar, new TestScope());
      assertThat(diagnostics.sorted()).as(scalars.get(i)).isEmpty();
      source
          .append("  public static Object e")
          .append(i)
          .append('(')
          .append(String.join(", ", TestScope.parameters()))
          .append(") {\n    return ")
          .append(compiled.orElseThrow().code())
          .append(";\n  }\n");
    }
    source.append("}\n");
    Map<String, String> sources = new HashMap<>(TestScope.SOURCES);
    sources.put("Exprs", source.toString());
    ClassLoader loader = dev.hookc.compiler.JavaSourceCompiler.compile(sources);
    Object[] arguments = arguments(loader);
    Class<?> exprs = loader.loadClass("Exprs");
    List<Object> results = new ArrayList<>();
    for (int i = 0; i < scalars.size(); i++) {
      Method method = findMethod(exprs, "e" + i);
      results.add(method.invoke(null, arguments));
    }
    return results;
  }

  private static Method findMethod(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static Object[] arguments(ClassLoader loader) throws Exception {
    Class<?> body = loader.loadClass("t.Body");
    Class<?> inputs = loader.loadClass("t.Inputs");
    var newBody = body.getConstructors()[0];
    var newInputs = inputs.getConstructors()[0];
    Object full =
        newBody.newInstance("Ada", 42L, new BigDecimal("9.5"), true, List.of("vip", "new"));
    Object empty = newBody.newInstance(null, null, null, null, null);
    JsonNode query = JSON.readTree("{\"page\":\"2\",\"limit\":10,\"q\":null,\"ids\":[7,8]}");
    JsonNode config = JSON.readTree("{\"currency\":\"EUR\",\"rates\":{\"EUR\":1.5},\"max\":100}");
    JsonNode fetch = JSON.readTree("{\"code\":200,\"data\":{\"id\":\"p_1\"},\"ok\":true}");
    return new Object[] {
      newInputs.newInstance(full, query),
      newInputs.newInstance(empty, JSON.createObjectNode()),
      config,
      fetch
    };
  }
}
