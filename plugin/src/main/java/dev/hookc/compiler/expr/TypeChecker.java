package dev.hookc.compiler.expr;

import static dev.hookc.compiler.expr.Conversions.JS;
import static dev.hookc.compiler.expr.Conversions.JS_METHODS;

import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.diag.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every node of a syntax tree its type, checked against the names in scope, and builds the
 * Java code that evaluates it. Problems are reported at the offending token; a node with a problem
 * yields {@code null}, and nodes built on it report nothing more, so one mistake gives one error.
 */
final class TypeChecker {
  private final Scope scope;
  private final Problems problems;
  private final Set<String> referencedRoots;
  private final Operators operators;
  private final Methods methods;
  private final String mustExist;

  TypeChecker(Scope scope, Problems problems, Set<String> referencedRoots) {
    this(scope, problems, referencedRoots, null);
  }

  /**
   * @param mustExist what the value is when it must exist ({@code an idempotency key}), which makes
   *     a dotted read of an undeclared property an error; {@code null} elsewhere
   */
  TypeChecker(Scope scope, Problems problems, Set<String> referencedRoots, String mustExist) {
    this.scope = scope;
    this.problems = problems;
    this.referencedRoots = referencedRoots;
    this.mustExist = mustExist;
    this.operators = new Operators(this, problems);
    this.methods = new Methods(problems);
  }

  /** The checked expression, or {@code null} when a problem was reported. */
  Typed check(Expr expr) {
    if (expr instanceof Expr.NumberLiteral n) {
      return number(n.text());
    }
    if (expr instanceof Expr.StringLiteral s) {
      return Typed.of(ExprType.STRING, CodeBlock.of("$S", s.value()), false);
    }
    if (expr instanceof Expr.BooleanLiteral b) {
      return Typed.of(ExprType.BOOLEAN, CodeBlock.of("$L", b.value()), false);
    }
    if (expr instanceof Expr.NullLiteral) {
      return Typed.of(ExprType.NULL, CodeBlock.of("null"), true);
    }
    if (expr instanceof Expr.Name name) {
      return name(name);
    }
    if (expr instanceof Expr.Member member) {
      Typed target = check(member.target());
      return target == null
          ? null
          : member(target, member.name(), member.offset(), new Access(member.target(), false));
    }
    if (expr instanceof Expr.Index index) {
      return index(index);
    }
    if (expr instanceof Expr.Call call) {
      return call(call);
    }
    if (expr instanceof Expr.ArrayLiteral array) {
      return array(array);
    }
    if (expr instanceof Expr.ObjectLiteral object) {
      return object(object);
    }
    return operators.check(expr);
  }

  private Typed number(String text) {
    BigDecimal value = new BigDecimal(text);
    if (text.matches("\\d+")) {
      try {
        long integral = Long.parseLong(text);
        Typed integer = Typed.of(ExprType.INTEGER, CodeBlock.of("$LL", integral), false);
        return integral <= Integer.MAX_VALUE ? integer.asSmall() : integer;
      } catch (NumberFormatException tooBig) {
        // falls through to a decimal, which holds any integer
      }
    }
    return Typed.of(
        ExprType.NUMBER, CodeBlock.of("new $T($S)", Conversions.DECIMAL, value.toString()), false);
  }

  private Typed name(Expr.Name name) {
    var binding = scope.root(name.name());
    if (binding.isPresent()) {
      referencedRoots.add(name.name());
      return Typed.of(binding.get().type(), binding.get().code(), false);
    }
    var why = scope.whyTaskUnavailable(name.name());
    if (why.isPresent()) {
      problems.report(
          ExprCode.TASK_NOT_YET_RUN,
          name.offset(),
          "task '" + name.name() + "' has not run at this point",
          why.get());
      return null;
    }
    problems.report(
        ExprCode.UNKNOWN_NAME,
        name.offset(),
        "unknown name '" + name.name() + "'",
        Suggestions.didYouMean(name.name(), scope.rootNames())
            .orElse("names in scope: " + String.join(", ", sorted(scope.rootNames()))));
    return null;
  }

  /**
   * How a property is read: the expression it is read from, and whether by bracket with a string
   * literal ({@code x['name']}), the explicit way to read a property that is not declared.
   */
  private record Access(Expr target, boolean bracket) {}

  /** {@code target.name}: a reading of {@code null} is {@code null}, as with {@code ?.}. */
  private Typed member(Typed target, String name, int offset, Access access) {
    ExprType type = target.type();
    if (type instanceof ExprType.PojoType pojo) {
      return pojoMember(target, pojo, name, offset, access);
    }
    if (type instanceof ExprType.ObjectType object) {
      ExprType field = object.fields().get(name);
      if (field == null && object.record().isPresent()) {
        return unknownResultField(name, offset, object.record().get(), object.fields().keySet());
      }
      if (field == null) {
        return undeclared(
            target, name, offset, access, object.openness(), object.fields().keySet());
      }
      return Fields.read(target, name, field);
    }
    if (type instanceof ExprType.DynamicType) {
      return Typed.of(
          ExprType.DYNAMIC, CodeBlock.of("$T.member($L, $S)", JS, target.code(), name), true);
    }
    if (type instanceof ExprType.StringType || type instanceof ExprType.ListType) {
      if (name.equals("length")) {
        return Typed.of(
                ExprType.INTEGER,
                CodeBlock.of("$T.length($L)", JS_METHODS, target.code()),
                target.nullable())
            .asSmall();
      }
      String hint =
          methods.has(type, name)
              ? "'" + name + "' is a method: call it as " + name + "(...)"
              : null;
      problems.report(
          ExprCode.UNKNOWN_PROPERTY,
          offset,
          Article.of(kind(type)) + " has no property '" + name + "'",
          hint != null ? hint : "the only property of a " + kind(type) + " is 'length'");
      return null;
    }
    problems.report(
        ExprCode.NO_PROPERTIES,
        offset,
        "cannot read property '" + name + "' of a " + type.displayName(),
        type.withArticle() + " has no properties");
    return null;
  }

  private Typed pojoMember(
      Typed target, ExprType.PojoType pojo, String name, int offset, Access access) {
    ExprType.PojoType.Property property = pojo.properties().get(name);
    if (property == null) {
      if (pojo.openness() == ExprType.Openness.CLOSED) {
        var unpassed = scope.unpassedInput(pojo, name);
        if (unpassed.isPresent()) {
          problems.report(
              ExprCode.INPUT_NOT_PASSED, offset, unpassed.get().message(), unpassed.get().hint());
          return null;
        }
      }
      return undeclared(target, name, offset, access, pojo.openness(), pojo.properties().keySet());
    }
    if (property.unavailable().isPresent()) {
      ExprType.PojoType.Unavailable why = property.unavailable().get();
      problems.report(ExprCode.INPUT_UNAVAILABLE, offset, why.message(), why.hint());
      return null;
    }
    CodeBlock code =
        target.nullable()
            ? CodeBlock.of(
                "$T.then($L, $T::$N)", JS, target.code(), pojo.javaClass(), property.getter())
            : CodeBlock.of("$L.$N()", target.operand(), property.getter());
    return Typed.of(property.type(), code, !property.required() || target.nullable());
  }

  /**
   * A field that a Java function's declared result does not have: Jackson writes a record as its
   * components only, so the read could only ever be null.
   */
  private Typed unknownResultField(
      String name, int offset, ExprType.JavaRecordOrigin origin, Set<String> known) {
    problems.report(
        ExprCode.UNKNOWN_RESULT_FIELD,
        offset,
        "record "
            + origin.record()
            + ", which Java function '"
            + origin.function()
            + "' returns, has no field '"
            + name
            + "'",
        Suggestions.didYouMean(name, known)
            .orElse(known.isEmpty() ? null : "its fields: " + String.join(", ", known)));
    return null;
  }

  /**
   * A property that {@code target}'s type does not declare, judged by its openness: read as {@code
   * any} where it may be present and is meant (bracket access, or an object that declares nothing),
   * else reported. A warning still reads it, so that what is built on it reports nothing more.
   */
  private Typed undeclared(
      Typed target,
      String name,
      int offset,
      Access access,
      ExprType.Openness openness,
      Set<String> declared) {
    if (openness == ExprType.Openness.CLOSED) {
      return unknownProperty(name, offset, target.type(), declared);
    }
    Typed dynamic =
        Typed.of(
            ExprType.DYNAMIC, CodeBlock.of("$T.member($L, $S)", JS, target.code(), name), true);
    if (access.bracket() || declared.isEmpty() || openness == ExprType.Openness.UNCHECKED) {
      return dynamic;
    }
    Optional<String> path = ExprText.of(access.target());
    String of = " of " + path.orElse(target.type().displayName());
    String meant = "if it is meant, read it as " + path.orElse("") + "['" + name + "']";
    String hint = Suggestions.didYouMean(name, declared).map(d -> d + " " + meant).orElse(meant);
    if (mustExist != null) {
      problems.report(
          ExprCode.UNDECLARED_REQUIRED,
          offset,
          "property '" + name + "'" + of + " is not declared, and " + mustExist + " must exist",
          Suggestions.didYouMean(name, declared)
              .orElse(
                  "declare it in the schema, or read it as "
                      + path.orElse("")
                      + "['"
                      + name
                      + "']"));
      return null;
    }
    if (openness == ExprType.Openness.PROVIDER) {
      problems.report(
          ExprCode.NOT_SENT_BY_PROVIDER,
          offset,
          "the provider does not send property '" + name + "'" + of,
          Suggestions.didYouMean(name, declared).orElse(meant));
      return null;
    }
    problems.report(
        ExprCode.UNDECLARED_PROPERTY,
        offset,
        "property '" + name + "'" + of + " is not declared; it reads as any",
        hint);
    return dynamic;
  }

  private Typed unknownProperty(String name, int offset, ExprType type, Set<String> known) {
    problems.report(
        ExprCode.UNKNOWN_PROPERTY,
        offset,
        "unknown property '" + name + "' of " + type.displayName(),
        Suggestions.didYouMean(name, known)
            .orElse(known.isEmpty() ? null : "declared: " + String.join(", ", known)));
    return null;
  }

  private Typed index(Expr.Index index) {
    Typed target = check(index.target());
    if (index.index() instanceof Expr.StringLiteral key && target != null) {
      return member(target, key.value(), index.index().offset(), new Access(index.target(), true));
    }
    Typed key = check(index.index());
    if (target == null || key == null) {
      return null;
    }
    ExprType type = target.type();
    // A number (say, promoted integer arithmetic) indexes too: null unless whole and in range.
    if (type instanceof ExprType.ListType list && key.isNumeric()) {
      return Typed.of(
          list.element(), CodeBlock.of("$T.at($L, $L)", JS, target.code(), key.code()), true);
    }
    if (type instanceof ExprType.StringType && key.isNumeric()) {
      return Typed.of(
          ExprType.STRING, CodeBlock.of("$T.charAt($L, $L)", JS, target.code(), key.code()), true);
    }
    boolean keyed = key.is(ExprType.STRING) || key.is(ExprType.INTEGER) || key.isJson();
    boolean indexable =
        target.isJson()
            || (type instanceof ExprType.PojoType pojoType && pojoType.openness().admitsOthers());
    if (keyed && indexable) {
      return Typed.of(
          ExprType.DYNAMIC, CodeBlock.of("$T.index($L, $L)", JS, target.code(), key.code()), true);
    }
    String what =
        type instanceof ExprType.ListType || type instanceof ExprType.StringType
            ? "an index into a "
                + kind(type)
                + " must be an integer, not a "
                + key.type().displayName()
            : "cannot index a " + type.displayName() + " with a " + key.type().displayName();
    problems.report(ExprCode.INDEX_TYPE, index.index().offset(), what);
    return null;
  }

  private Typed call(Expr.Call call) {
    if (!(call.callee() instanceof Expr.Member member)) {
      String what =
          call.callee() instanceof Expr.Name name
              ? "'" + name.name() + "' is not a function"
              : "this is not a method";
      problems.report(
          ExprCode.NOT_CALLABLE,
          call.callee().offset(),
          what,
          "only the methods of strings and lists can be called");
      return null;
    }
    Typed receiver = check(member.target());
    List<Typed> arguments = new ArrayList<>();
    boolean failed = receiver == null;
    for (Expr argument : call.arguments()) {
      Typed checked = check(argument);
      failed |= checked == null;
      arguments.add(checked);
    }
    return failed ? null : methods.call(receiver, member.name(), member.offset(), arguments, call);
  }

  private Typed array(Expr.ArrayLiteral array) {
    List<Typed> items = new ArrayList<>();
    for (Expr item : array.items()) {
      Typed checked = check(item);
      if (checked == null) {
        return null;
      }
      items.add(checked);
    }
    return list(items);
  }

  /** A list of the given values, typed by what they have in common. */
  static Typed list(List<Typed> items) {
    ExprType element = items.isEmpty() ? ExprType.DYNAMIC : items.get(0).type();
    for (Typed item : items) {
      element = Conversions.commonType(element, item.type());
    }
    if (element instanceof ExprType.NullType) {
      element = ExprType.DYNAMIC;
    }
    List<CodeBlock> codes = new ArrayList<>();
    for (Typed item : items) {
      codes.add(Conversions.convert(item, element).code());
    }
    CodeBlock code =
        CodeBlock.of("$T.<$T>list($L)", JS, element.javaType(), CodeBlock.join(codes, ", "));
    return Typed.of(new ExprType.ListType(element), code, false);
  }

  private Typed object(Expr.ObjectLiteral object) {
    Map<String, Typed> fields = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Expr.Property property : object.properties()) {
      if (!seen.add(property.key())) {
        problems.report(
            ExprCode.DUPLICATE_KEY,
            property.keyOffset(),
            "duplicate key '" + property.key() + "' in object literal");
        return null;
      }
      Typed value = check(property.value());
      if (value == null) {
        return null;
      }
      fields.put(property.key(), value);
    }
    return Fields.object(fields);
  }

  static String kind(ExprType type) {
    return type instanceof ExprType.ListType ? "list" : type.displayName();
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
