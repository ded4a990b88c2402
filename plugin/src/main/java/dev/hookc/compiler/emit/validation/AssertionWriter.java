package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.naming.RuntimeTypes;
import dev.hookc.compiler.schema.SchemaLiteral;
import dev.hookc.compiler.schema.SchemaNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the assertions on a single value: type, enum, const, strings, numbers and formats. */
final class AssertionWriter {
  static final ClassName FORMATS = RuntimeTypes.FORMATS;
  private static final Map<String, String> FORMAT_METHODS =
      Map.of(
          "date-time", "isDateTime",
          "date", "isDate",
          "time", "isTime",
          "email", "isEmail",
          "uuid", "isUuid",
          "uri", "isUri",
          "ipv4", "isIpv4",
          "ipv6", "isIpv6",
          "hostname", "isHostname");
  private static final Map<String, String> TYPE_TESTS =
      Map.of(
          "null", "node.isNull()",
          "boolean", "node.isBoolean()",
          "object", "node.isObject()",
          "array", "node.isArray()",
          "number", "node.isNumber()",
          "string", "node.isTextual()",
          "integer", "$T.isInteger(node)");
  private static final Map<String, String> TYPE_NAMES =
      Map.of(
          "null", "null",
          "boolean", "a boolean",
          "object", "an object",
          "array", "an array",
          "number", "a number",
          "string", "a string",
          "integer", "an integer");

  private final Constants constants;
  private final MethodNames names;

  AssertionWriter(Constants constants, MethodNames names) {
    this.constants = constants;
    this.names = names;
  }

  void write(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    type(node, emit, code);
    enumAndConst(node, emit, code);
    strings(node, emit, code);
    numbers(node, emit, code);
  }

  private void type(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.types().isEmpty()) {
      return;
    }
    List<CodeBlock> tests = new ArrayList<>();
    for (String type : node.types()) {
      String test = TYPE_TESTS.get(type);
      tests.add(
          type.equals("integer") ? CodeBlock.of(test, Constants.JSON_VALUES) : CodeBlock.of(test));
    }
    String wanted = node.types().stream().map(TYPE_NAMES::get).collect(Collectors.joining(" or "));
    CodeBlock any = CodeBlock.join(tests, " || ");
    emit.typeCheck(code, any, tests.size() == 1, "must be " + wanted);
  }

  private void enumAndConst(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.enumValues() == null && node.constValue() == null) {
      return;
    }
    emit.settle(code);
    String stem = names.stem(node);
    if (node.enumValues() != null) {
      String shown =
          node.enumValues().stream().map(SchemaLiteral::display).collect(Collectors.joining(", "));
      if (node.enumValues().stream().allMatch(v -> v.string().isPresent())) {
        List<String> values =
            node.enumValues().stream().map(v -> v.string().get()).distinct().toList();
        String field = constants.stringSet(stem, "VALUES", values);
        code.beginControlFlow("if (!(node.isTextual() && $N.contains(node.textValue())))", field);
      } else {
        String list =
            node.enumValues().stream()
                .map(SchemaLiteral::json)
                .collect(Collectors.joining(",", "[", "]"));
        String field = constants.json(stem, "VALUES", list);
        code.beginControlFlow("if (!$T.isOneOf(node, $N))", Constants.JSON_VALUES, field);
      }
      emit.fail(code, "enum", "must be one of [" + shown + "]");
      code.endControlFlow();
    }
    if (node.constValue() != null) {
      SchemaLiteral value = node.constValue();
      if (value.string().isPresent()) {
        code.beginControlFlow(
            "if (!(node.isTextual() && node.textValue().equals($S)))", value.string().get());
      } else {
        String field = constants.json(stem, "CONST", value.json());
        code.beginControlFlow("if (!$T.equal(node, $N))", Constants.JSON_VALUES, field);
      }
      emit.fail(code, "const", "must be equal to " + value.json());
      code.endControlFlow();
    }
  }

  private void strings(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minLength() == null
        && node.maxLength() == null
        && node.patternSource() == null
        && node.format() == null) {
      return;
    }
    boolean guard = emit.beginTypeGuard(code, node, "string", "node.isTextual()");
    code.addStatement("String text = node.textValue()");
    if (node.minLength() != null || node.maxLength() != null) {
      code.addStatement("int length = $T.length(text)", Constants.JSON_VALUES);
    }
    if (node.minLength() != null) {
      code.beginControlFlow("if (length < $L)", node.minLength());
      emit.fail(code, "minLength", "must be at least " + characters(node.minLength()) + " long");
      code.endControlFlow();
    }
    if (node.maxLength() != null) {
      code.beginControlFlow("if (length > $L)", node.maxLength());
      emit.fail(code, "maxLength", "must be at most " + characters(node.maxLength()) + " long");
      code.endControlFlow();
    }
    if (node.patternSource() != null) {
      String field = constants.pattern(names.stem(node), node.patternSource());
      code.beginControlFlow("if (!$N.find(text))", field);
      emit.fail(code, "pattern", "must match pattern \"" + node.pattern() + "\"");
      code.endControlFlow();
    }
    if (node.format() != null) {
      code.beginControlFlow("if (!$T.$N(text))", FORMATS, FORMAT_METHODS.get(node.format()));
      emit.fail(code, "format", "must be a valid " + node.format());
      code.endControlFlow();
    }
    Emitter.endTypeGuard(code, guard);
  }

  private void numbers(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minimum() == null
        && node.maximum() == null
        && node.exclusiveMinimum() == null
        && node.exclusiveMaximum() == null
        && node.multipleOf() == null) {
      return;
    }
    boolean guard = emit.beginTypeGuard(code, node, "number", "node.isNumber()");
    bound(node, node.minimum(), "minimum", "< 0", "must be >= ", "MINIMUM", emit, code);
    bound(node, node.maximum(), "maximum", "> 0", "must be <= ", "MAXIMUM", emit, code);
    bound(
        node,
        node.exclusiveMinimum(),
        "exclusiveMinimum",
        "<= 0",
        "must be > ",
        "MINIMUM",
        emit,
        code);
    bound(
        node,
        node.exclusiveMaximum(),
        "exclusiveMaximum",
        ">= 0",
        "must be < ",
        "MAXIMUM",
        emit,
        code);
    if (node.multipleOf() != null) {
      String field = constants.decimal(names.stem(node), "DIVISOR", node.multipleOf());
      code.beginControlFlow("if (!$T.isMultipleOf(node, $N))", Constants.JSON_VALUES, field);
      emit.fail(code, "multipleOf", "must be a multiple of " + node.multipleOf().toPlainString());
      code.endControlFlow();
    }
    Emitter.endTypeGuard(code, guard);
  }

  private void bound(
      SchemaNode node,
      BigDecimal limit,
      String keyword,
      String failing,
      String message,
      String suffix,
      Emitter emit,
      CodeBlock.Builder code) {
    if (limit == null) {
      return;
    }
    CodeBlock limitExpr;
    if (isLong(limit)) {
      limitExpr = CodeBlock.of("$LL", limit.longValueExact());
    } else {
      limitExpr = CodeBlock.of("$N", constants.decimal(names.stem(node), suffix, limit));
    }
    code.beginControlFlow(
        "if ($T.compare(node, $L) $L)", Constants.JSON_VALUES, limitExpr, failing);
    emit.fail(code, keyword, message + limit.toPlainString());
    code.endControlFlow();
  }

  private static boolean isLong(BigDecimal value) {
    try {
      value.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String characters(int count) {
    return count == 1 ? "1 character" : count + " characters";
  }
}
