package dev.hookc.compiler.expr;

import static dev.hookc.compiler.expr.Conversions.JS_METHODS;

import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The methods of strings and lists: their parameters, result types and the code that calls them.
 */
final class Methods {

  /** What a parameter accepts. */
  private enum Param {
    STRING,
    INTEGER,
    ANY,
    LIST
  }

  /**
   * One method.
   *
   * @param required how many leading parameters must be given
   * @param variadic whether the last parameter repeats
   */
  private record Signature(List<Param> params, int required, boolean variadic, Result result) {}

  /** The result type, computed from the receiver's type. */
  @FunctionalInterface
  private interface Result {
    ExprType of(ExprType receiver);
  }

  private static final Result BOOLEAN = r -> ExprType.BOOLEAN;
  private static final Result STRING = r -> ExprType.STRING;
  private static final Result INTEGER = r -> ExprType.INTEGER;
  private static final Result SAME = r -> r;

  private static final Map<String, Signature> STRING_METHODS =
      Map.ofEntries(
          Map.entry("includes", sig(List.of(Param.STRING), 1, BOOLEAN)),
          Map.entry("startsWith", sig(List.of(Param.STRING), 1, BOOLEAN)),
          Map.entry("endsWith", sig(List.of(Param.STRING), 1, BOOLEAN)),
          Map.entry("toUpperCase", sig(List.of(), 0, STRING)),
          Map.entry("toLowerCase", sig(List.of(), 0, STRING)),
          Map.entry("trim", sig(List.of(), 0, STRING)),
          Map.entry(
              "split", sig(List.of(Param.STRING), 1, r -> new ExprType.ListType(ExprType.STRING))),
          Map.entry("indexOf", sig(List.of(Param.STRING), 1, INTEGER)),
          Map.entry("slice", sig(List.of(Param.INTEGER, Param.INTEGER), 1, STRING)),
          Map.entry("substring", sig(List.of(Param.INTEGER, Param.INTEGER), 1, STRING)),
          Map.entry("replace", sig(List.of(Param.STRING, Param.STRING), 2, STRING)),
          Map.entry("concat", new Signature(List.of(Param.ANY), 0, true, STRING)));

  private static final Map<String, Signature> LIST_METHODS =
      Map.ofEntries(
          Map.entry("includes", sig(List.of(Param.ANY), 1, BOOLEAN)),
          Map.entry("indexOf", sig(List.of(Param.ANY), 1, INTEGER)),
          Map.entry("join", sig(List.of(Param.STRING), 0, STRING)),
          Map.entry("slice", sig(List.of(Param.INTEGER, Param.INTEGER), 0, SAME)),
          Map.entry("concat", sig(List.of(Param.LIST), 1, SAME)));

  private final Problems problems;

  Methods(Problems problems) {
    this.problems = problems;
  }

  private static Signature sig(List<Param> params, int required, Result result) {
    return new Signature(params, required, false, result);
  }

  boolean has(ExprType receiver, String name) {
    return table(receiver).containsKey(name);
  }

  private static Map<String, Signature> table(ExprType receiver) {
    if (receiver instanceof ExprType.StringType) {
      return STRING_METHODS;
    }
    return receiver instanceof ExprType.ListType ? LIST_METHODS : Map.of();
  }

  /** {@code receiver.name(arguments)}, or {@code null} when a problem was reported. */
  Typed call(Typed receiver, String name, int offset, List<Typed> arguments, Expr.Call call) {
    ExprType type = receiver.type();
    if (type instanceof ExprType.DynamicType) {
      return dynamic(receiver, name, offset, arguments);
    }
    Map<String, Signature> table = table(type);
    Signature signature = table.get(name);
    if (signature == null) {
      String hint =
          table.isEmpty()
              ? "only strings and lists have methods"
              : Suggestions.didYouMean(name, table.keySet())
                  .orElse("methods: " + String.join(", ", new TreeSet<>(table.keySet())));
      problems.report(
          ExprCode.UNKNOWN_METHOD,
          offset,
          Article.of(TypeChecker.kind(type)) + " has no method '" + name + "'",
          hint);
      return null;
    }
    int max = signature.variadic() ? Integer.MAX_VALUE : signature.params().size();
    if (arguments.size() < signature.required() || arguments.size() > max) {
      problems.report(
          ExprCode.ARGUMENT_COUNT,
          call.offset(),
          "'" + name + "' takes " + count(signature) + ", found " + arguments.size());
      return null;
    }
    List<CodeBlock> codes = new ArrayList<>();
    codes.add(receiver.code());
    for (int i = 0;
        i < Math.max(arguments.size(), signature.variadic() ? 0 : signature.params().size());
        i++) {
      Param param = signature.params().get(Math.min(i, signature.params().size() - 1));
      if (i >= arguments.size()) {
        codes.add(CodeBlock.of("null"));
        continue;
      }
      CodeBlock code = argument(param, arguments.get(i), type, name, call.arguments().get(i));
      if (code == null) {
        return null;
      }
      codes.add(code);
    }
    CodeBlock code = CodeBlock.of("$T.$N($L)", JS_METHODS, name, CodeBlock.join(codes, ", "));
    Typed result = Typed.of(signature.result().of(type), code, receiver.nullable());
    // Integer results (indexOf) are positions in a string or list: they fit in an int.
    return result.is(ExprType.INTEGER) ? result.asSmall() : result;
  }

  private CodeBlock argument(Param param, Typed arg, ExprType receiver, String name, Expr at) {
    boolean ok =
        switch (param) {
          case STRING -> arg.is(ExprType.STRING) || arg.is(ExprType.NULL);
          case INTEGER -> arg.isNumeric() || arg.is(ExprType.NULL);
          case ANY -> true;
          case LIST -> arg.type().equals(receiver) || arg.is(ExprType.NULL);
        };
    if (ok && param == Param.INTEGER && arg.is(ExprType.NUMBER)) {
      // A position that is a number (promoted integer arithmetic): its integer part, as in JS.
      return CodeBlock.of("$T.integer($L)", Conversions.JS, arg.code());
    }
    if (ok) {
      return arg.code();
    }
    String expected =
        switch (param) {
          case STRING -> "a string";
          case INTEGER -> "an integer";
          case LIST -> "a " + receiver.displayName();
          case ANY -> "a value";
        };
    problems.report(
        ExprCode.ARGUMENT_TYPE,
        at.offset(),
        "'" + name + "' expects " + expected + ", found a " + arg.type().displayName());
    return null;
  }

  private Typed dynamic(Typed receiver, String name, int offset, List<Typed> arguments) {
    if (!STRING_METHODS.containsKey(name) && !LIST_METHODS.containsKey(name)) {
      TreeSet<String> known = new TreeSet<>(STRING_METHODS.keySet());
      known.addAll(LIST_METHODS.keySet());
      problems.report(
          ExprCode.UNKNOWN_METHOD,
          offset,
          "no string or list has a method '" + name + "'",
          Suggestions.didYouMean(name, known).orElse("methods: " + String.join(", ", known)));
      return null;
    }
    List<CodeBlock> codes = new ArrayList<>();
    codes.add(receiver.code());
    codes.add(CodeBlock.of("$S", name));
    arguments.forEach(a -> codes.add(a.code()));
    return Typed.of(
        ExprType.DYNAMIC,
        CodeBlock.of("$T.invoke($L)", JS_METHODS, CodeBlock.join(codes, ", ")),
        true);
  }

  private static String count(Signature s) {
    if (s.variadic()) {
      return "any number of arguments";
    }
    int max = s.params().size();
    String n = s.required() == max ? String.valueOf(max) : s.required() + " to " + max;
    return n + (max == 1 && s.required() == 1 ? " argument" : " arguments");
  }
}
