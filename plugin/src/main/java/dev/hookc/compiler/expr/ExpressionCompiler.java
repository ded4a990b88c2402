package dev.hookc.compiler.expr;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles YAML values that may contain {@code <% path %>} expressions into typed Java. */
public final class ExpressionCompiler {
  private static final ClassName VALUES = ClassName.get("dev.hookc.runtime.workflow", "Values");
  private static final Pattern WHOLE = Pattern.compile("^<%\\s*(.*?)\\s*%>$", Pattern.DOTALL);
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private final Diagnostics diagnostics;

  public ExpressionCompiler(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Compiles a YAML value: mappings become JSON objects, scalars literals or expressions. */
  public Optional<CompiledValue> compile(YamlNode value, Scope scope) {
    if (value instanceof YamlMapping mapping) {
      CodeBlock.Builder args = CodeBlock.builder();
      Set<String> roots = new HashSet<>();
      boolean ok = true;
      for (YamlMapping.Entry entry : mapping.entries()) {
        Optional<CompiledValue> compiled = compile(entry.value(), scope);
        if (compiled.isEmpty()) {
          ok = false;
          continue;
        }
        roots.addAll(compiled.get().referencedRoots());
        args.add(args.isEmpty() ? "" : ", ")
            .add("$S, $L", entry.key().value(), compiled.get().code());
      }
      return ok
          ? Optional.of(
              new CompiledValue(
                  ExprType.DYNAMIC, CodeBlock.of("$T.object($L)", VALUES, args.build()), roots))
          : Optional.empty();
    }
    if (value instanceof YamlSequence sequence) {
      List<CodeBlock> items = new ArrayList<>();
      Set<String> roots = new HashSet<>();
      for (YamlNode item : sequence.items()) {
        Optional<CompiledValue> compiled = compile(item, scope);
        if (compiled.isEmpty()) {
          return Optional.empty();
        }
        roots.addAll(compiled.get().referencedRoots());
        items.add(compiled.get().code());
      }
      return Optional.of(
          new CompiledValue(
              ExprType.DYNAMIC,
              CodeBlock.of("$T.array($L)", VALUES, CodeBlock.join(items, ", ")),
              roots));
    }
    return scalar((YamlScalar) value, scope);
  }

  private Optional<CompiledValue> scalar(YamlScalar scalar, Scope scope) {
    String text = scalar.value();
    if (!text.contains("<%")) {
      return Optional.of(literal(scalar));
    }
    Matcher whole = WHOLE.matcher(text);
    if (whole.matches()) {
      return path(scalar, whole.group(1), whole.start(1), scope);
    }
    return Optional.empty();
  }

  private Optional<CompiledValue> path(
      YamlScalar scalar, String expression, int offset, Scope scope) {
    if (!PATH.matcher(expression).matches()) {
      diagnostics.report(
          Code.SYNTAX, scalar.locationAt(offset), "unsupported expression '" + expression + "'");
      return Optional.empty();
    }
    String[] parts = expression.split("\\.");
    Optional<Binding> root = scope.root(parts[0]);
    if (root.isEmpty()) {
      Optional<String> why = scope.whyTaskUnavailable(parts[0]);
      diagnostics.report(
          Code.UNKNOWN_ROOT,
          scalar.locationAt(offset),
          why.orElse("unknown name '" + parts[0] + "'"),
          Suggestions.didYouMean(parts[0], scope.rootNames()).orElse(null));
      return Optional.empty();
    }
    ExprType type = root.get().type();
    CodeBlock code = root.get().code();
    int position = offset + parts[0].length() + 1;
    for (int i = 1; i < parts.length; i++) {
      String name = parts[i];
      if (type instanceof ExprType.PojoType pojo) {
        ExprType.PojoType.Property property = pojo.properties().get(name);
        if (property == null) {
          diagnostics.report(
              Code.UNKNOWN_PROPERTY,
              scalar.locationAt(position),
              pojo.displayName() + " has no property '" + name + "'",
              Suggestions.didYouMean(name, pojo.properties().keySet()).orElse(null));
          return Optional.empty();
        }
        code = CodeBlock.of("$L.$L()", code, property.getter());
        type = property.type();
      } else if (type instanceof ExprType.DynamicType) {
        code = CodeBlock.of("$T.member($L, $S)", VALUES, code, name);
      } else {
        diagnostics.report(
            Code.UNKNOWN_PROPERTY,
            scalar.locationAt(position),
            type.displayName() + " has no property '" + name + "'");
        return Optional.empty();
      }
      position += name.length() + 1;
    }
    return Optional.of(new CompiledValue(type, code, Set.of(parts[0])));
  }

  private static CompiledValue literal(YamlScalar scalar) {
    return switch (scalar.type()) {
      case INTEGER ->
          new CompiledValue(ExprType.INTEGER, CodeBlock.of("$LL", scalar.value()), Set.of());
      case FLOAT ->
          new CompiledValue(
              ExprType.NUMBER,
              CodeBlock.of("new $T($S)", java.math.BigDecimal.class, scalar.value()),
              Set.of());
      case BOOLEAN ->
          new CompiledValue(
              ExprType.BOOLEAN, CodeBlock.of("$L", Boolean.parseBoolean(scalar.value())), Set.of());
      case NULL -> new CompiledValue(ExprType.NULL, CodeBlock.of("null"), Set.of());
      case STRING ->
          new CompiledValue(ExprType.STRING, CodeBlock.of("$S", scalar.value()), Set.of());
    };
  }

  private enum Code implements DiagnosticCode {
    SYNTAX("HC4001", "an expression is not valid"),
    UNKNOWN_ROOT("HC4002", "an expression names something not in scope"),
    UNKNOWN_PROPERTY("HC4003", "an expression reads a property the type does not declare");

    private final String id;
    private final String summary;

    Code(String id, String summary) {
      this.id = id;
      this.summary = summary;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String summary() {
      return summary;
    }
  }
}
