package dev.hookc.compiler.expr;

import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles YAML values that may contain {@code <% %>} expressions into typed Java expressions.
 *
 * <p>A scalar that is one whole {@code <% expr %>} keeps the expression's type; text mixed with
 * expressions is a string; a scalar without {@code <%} is a constant of its YAML type. Mappings
 * become JSON objects whose keys stay known to later expressions, sequences become lists. Every
 * problem is reported to the {@link Diagnostics} at the exact line and column of the offending
 * token, and compilation carries on with the next value.
 */
public final class ExpressionCompiler {
  private final Diagnostics diagnostics;

  public ExpressionCompiler(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A YAML value (a scalar with or without {@code <% %>}, or a mapping or sequence of them). */
  public Optional<CompiledValue> compile(YamlNode value, Scope scope) {
    Set<String> roots = new TreeSet<>();
    Typed typed = value(value, scope, roots, null);
    return Optional.ofNullable(typed).map(t -> new CompiledValue(t.type(), t.code(), roots));
  }

  /**
   * A YAML value that must exist when it is used, {@code what} it is said to be in messages ({@code
   * an idempotency key}): a dotted read of a property the schema does not declare is then an error,
   * where elsewhere it is a warning, since the schema does not promise it is ever sent.
   */
  public Optional<CompiledValue> compileRequired(YamlNode value, Scope scope, String what) {
    Set<String> roots = new TreeSet<>();
    Typed typed = value(value, scope, roots, what);
    return Optional.ofNullable(typed).map(t -> new CompiledValue(t.type(), t.code(), roots));
  }

  /**
   * A condition ({@code if}, {@code elif}, {@code switch}) as a Java {@code boolean} expression,
   * decided by JavaScript truthiness; the result's type is {@link ExprType#BOOLEAN}.
   */
  public Optional<CompiledValue> compileCondition(YamlNode value, Scope scope) {
    Set<String> roots = new TreeSet<>();
    Typed typed = value(value, scope, roots, null);
    return Optional.ofNullable(typed)
        .map(t -> new CompiledValue(ExprType.BOOLEAN, Conversions.truthy(t), roots));
  }

  /**
   * The property path {@code value} reads when it is one whole expression made of a name, members
   * and indexes by string literal ({@code <% inputs.headers['x-github-event'] %>}): each step with
   * where it is written; empty for anything else. Reports nothing: the value is compiled as well.
   */
  public static Optional<List<PathStep>> path(YamlNode value) {
    if (!(value instanceof YamlScalar scalar) || !TemplateSplitter.isTemplate(scalar.value())) {
      return Optional.empty();
    }
    TemplateSplitter.Result split = TemplateSplitter.split(scalar.value());
    List<TemplateSplitter.Code> codes = new ArrayList<>();
    for (TemplateSplitter.Part part : split.parts()) {
      if (part instanceof TemplateSplitter.Code code) {
        codes.add(code);
      } else if (!((TemplateSplitter.Text) part).text().isBlank()) {
        return Optional.empty();
      }
    }
    if (!split.ok() || codes.size() != 1) {
      return Optional.empty();
    }
    TemplateSplitter.Code code = codes.get(0);
    List<PathStep> steps = new ArrayList<>();
    Optional<Expr> expr = Parser.parse(code.source(), (c, offset, message, hint) -> {});
    for (Expr node = expr.orElse(null); node != null; ) {
      if (node instanceof Expr.Name name) {
        steps.add(0, new PathStep(name.name(), scalar.locationAt(code.offset() + name.offset())));
        return Optional.of(List.copyOf(steps));
      } else if (node instanceof Expr.Member member) {
        steps.add(
            0, new PathStep(member.name(), scalar.locationAt(code.offset() + member.offset())));
        node = member.target();
      } else if (node instanceof Expr.Index index
          && index.index() instanceof Expr.StringLiteral k) {
        steps.add(0, new PathStep(k.value(), scalar.locationAt(code.offset() + k.offset())));
        node = index.target();
      } else {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * One step of a property path: a name and where it is written.
   *
   * @param name the root name, the member's name or the index's string
   * @param location where it is written: the name, or the index's string literal
   */
  public record PathStep(String name, dev.hookc.compiler.diag.Location location) {}

  private Typed value(YamlNode node, Scope scope, Set<String> roots, String mustExist) {
    if (node instanceof YamlMapping mapping) {
      Map<String, Typed> fields = new LinkedHashMap<>();
      boolean failed = false;
      for (YamlMapping.Entry entry : mapping.entries()) {
        Typed field = value(entry.value(), scope, roots, mustExist);
        failed |= field == null;
        fields.put(entry.key().value(), field);
      }
      return failed ? null : Fields.object(fields);
    }
    if (node instanceof YamlSequence sequence) {
      List<Typed> items = new ArrayList<>();
      boolean failed = false;
      for (YamlNode item : sequence.items()) {
        Typed typed = value(item, scope, roots, mustExist);
        failed |= typed == null;
        items.add(typed);
      }
      return failed ? null : TypeChecker.list(items);
    }
    YamlScalar scalar = (YamlScalar) node;
    return TemplateSplitter.isTemplate(scalar.value())
        ? template(scalar, scope, roots, mustExist)
        : constant(scalar);
  }

  private Typed template(YamlScalar scalar, Scope scope, Set<String> roots, String mustExist) {
    TemplateSplitter.Result split = TemplateSplitter.split(scalar.value());
    if (!split.ok()) {
      diagnostics.report(
          ExprCode.UNTERMINATED_TEMPLATE,
          scalar.locationAt(split.unterminatedAt()),
          "'<%' is not closed",
          "end the expression with '%>'");
      return null;
    }
    List<Typed> pieces = new ArrayList<>();
    boolean failed = false;
    boolean onlyBlank = true;
    for (TemplateSplitter.Part part : split.parts()) {
      if (part instanceof TemplateSplitter.Code code) {
        Typed typed = expression(scalar, code, scope, roots, mustExist);
        failed |= typed == null;
        pieces.add(typed);
      } else {
        String text = ((TemplateSplitter.Text) part).text();
        onlyBlank &= text.isBlank();
        pieces.add(Typed.of(ExprType.STRING, CodeBlock.of("$S", text), false));
      }
    }
    if (failed) {
      return null;
    }
    long expressions =
        split.parts().stream().filter(TemplateSplitter.Code.class::isInstance).count();
    if (expressions == 1 && onlyBlank) {
      // One whole expression keeps its type: "<% inputs.body.amount %>" stays a number.
      return wholeExpression(split, pieces);
    }
    return concatenation(pieces);
  }

  private static Typed wholeExpression(TemplateSplitter.Result split, List<Typed> pieces) {
    for (int i = 0; i < split.parts().size(); i++) {
      if (split.parts().get(i) instanceof TemplateSplitter.Code) {
        return pieces.get(i);
      }
    }
    throw new IllegalStateException("no expression in template");
  }

  private static Typed concatenation(List<Typed> pieces) {
    List<CodeBlock> codes = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      Typed piece = pieces.get(i);
      boolean text = piece.is(ExprType.STRING) && !piece.nullable() && i == 0;
      codes.add(
          i == 0 && !text
              ? CodeBlock.of("$T.string($L)", Conversions.JS, piece.code())
              : Conversions.asConcatenated(piece));
    }
    return Typed.infix(ExprType.STRING, CodeBlock.join(codes, " + "), false);
  }

  private Typed expression(
      YamlScalar scalar,
      TemplateSplitter.Code code,
      Scope scope,
      Set<String> roots,
      String mustExist) {
    if (code.source().isBlank()) {
      diagnostics.report(
          ExprCode.EMPTY_EXPRESSION,
          scalar.locationAt(code.open()),
          "empty expression",
          "write an expression between '<%' and '%>'");
      return null;
    }
    int[] errors = {0};
    Problems problems =
        (c, offset, message, hint) -> {
          errors[0]++;
          diagnostics.report(c, scalar.locationAt(code.offset() + offset), message, hint);
        };
    Optional<Expr> expr = Parser.parse(code.source(), problems);
    if (expr.isEmpty()) {
      if (errors[0] == 0) {
        throw new IllegalStateException("parse failed without a diagnostic");
      }
      return null;
    }
    return new TypeChecker(scope, problems, roots, mustExist).check(expr.get());
  }

  private static Typed constant(YamlScalar scalar) {
    String text = scalar.value();
    switch (scalar.type()) {
      case NULL:
        return Typed.of(ExprType.NULL, CodeBlock.of("null"), true);
      case BOOLEAN:
        boolean value = List.of("true", "yes", "on", "y").contains(text.toLowerCase(Locale.ROOT));
        return Typed.of(ExprType.BOOLEAN, CodeBlock.of("$L", value), false);
      case INTEGER:
        try {
          return Typed.of(
              ExprType.INTEGER, CodeBlock.of("$LL", Long.parseLong(text.replace("_", ""))), false);
        } catch (NumberFormatException notDecimal) {
          break;
        }
      case FLOAT:
        try {
          BigDecimal decimal = new BigDecimal(text.replace("_", ""));
          return Typed.of(
              ExprType.NUMBER,
              CodeBlock.of("new $T($S)", Conversions.DECIMAL, decimal.toString()),
              false);
        } catch (NumberFormatException notDecimal) {
          break;
        }
      default:
        break;
    }
    return Typed.of(ExprType.STRING, CodeBlock.of("$S", text), false);
  }
}
