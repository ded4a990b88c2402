package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.naming.RuntimeTypes;
import dev.hookc.compiler.schema.SchemaNode;

/**
 * Writes the two outcomes of a check in one of the two kinds of generated method: a validity method
 * answers {@code false} at the first failure, a check method records a violation and goes on, so
 * one keyword description yields both.
 */
final class Emitter {
  static final ClassName POINTERS = RuntimeTypes.JSON_POINTERS;

  private final boolean collecting;
  private final MethodNames names;

  Emitter(boolean collecting, MethodNames names) {
    this.collecting = collecting;
    this.names = names;
  }

  boolean collecting() {
    return collecting;
  }

  /**
   * Opens {@code if (<test>)} around keywords that apply to values of one {@code type} only, unless
   * it would be dead: in a validity method whose schema allows that type alone, the {@code type}
   * keyword has already answered false for any other value.
   *
   * @return whether it opened a block, for {@link #endTypeGuard}
   */
  boolean beginTypeGuard(CodeBlock.Builder code, SchemaNode node, String type, String test) {
    if (!collecting && node.types().equals(java.util.Set.of(type))) {
      return false;
    }
    code.beginControlFlow("if ($L)", test);
    return true;
  }

  /** Closes what {@link #beginTypeGuard} opened, if anything. */
  static void endTypeGuard(CodeBlock.Builder code, boolean opened) {
    if (opened) {
      code.endControlFlow();
    }
  }

  /** The statement for a failed assertion; {@code message} is a String expression. */
  void fail(CodeBlock.Builder code, String keyword, CodeBlock message) {
    if (collecting) {
      code.addStatement("out.add(path, $S, $L)", keyword, message);
    } else {
      code.addStatement("return false");
    }
  }

  /** {@link #fail} with a constant message. */
  void fail(CodeBlock.Builder code, String keyword, String message) {
    fail(code, keyword, CodeBlock.of("$S", message));
  }

  /** Applies {@code child} to the value of {@code value}, found at pointer {@code pointer}. */
  void child(CodeBlock.Builder code, SchemaNode child, String value, CodeBlock pointer) {
    if (Boolean.TRUE.equals(child.constant())) {
      return;
    }
    code.beginControlFlow("if (!$L($L))", names.callIsValid(child), value);
    if (collecting) {
      code.addStatement("$L($L, $L, out)", names.callCheck(child), value, pointer);
    } else {
      code.addStatement("return false");
    }
    code.endControlFlow();
  }

  /** Applies {@code child} to the instance itself. */
  void inPlace(CodeBlock.Builder code, SchemaNode child) {
    child(code, child, "node", CodeBlock.of("path"));
  }

  /** The pointer to member {@code nameExpr} of the current object. */
  static CodeBlock member(CodeBlock nameExpr) {
    return CodeBlock.of("$T.child(path, $L)", POINTERS, nameExpr);
  }

  /** The pointer to item {@code indexExpr} of the current array. */
  static CodeBlock item(String indexExpr) {
    return CodeBlock.of("$T.index(path, $L)", POINTERS, indexExpr);
  }

  /** Stops a check method that has collected as many violations as allowed. */
  void stopWhenFull(CodeBlock.Builder code) {
    if (collecting) {
      code.beginControlFlow("if (out.isFull())").addStatement("return").endControlFlow();
    }
  }
}
