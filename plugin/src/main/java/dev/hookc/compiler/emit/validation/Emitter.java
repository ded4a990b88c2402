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
  // The test of a type check whose block is still open, so that a guard on the same test right
  // after it becomes its else branch: if (!node.isObject()) { out.add(...); } else { ... }.
  private String heldTypeTest;

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
    if (test.equals(heldTypeTest)) {
      heldTypeTest = null;
      code.nextControlFlow("else");
      return true;
    }
    settle(code);
    code.beginControlFlow("if ($L)", test);
    return true;
  }

  /**
   * Opens {@code if (!<test>)} and records the failed {@code type} keyword in it, leaving the block
   * open when collecting: a guard on {@code test} that comes next continues it as {@code else}
   * rather than testing the type again. Anything else must {@link #settle} first.
   */
  void typeCheck(CodeBlock.Builder code, CodeBlock test, boolean single, String message) {
    code.beginControlFlow(single ? "if (!$L)" : "if (!($L))", test);
    fail(code, "type", message);
    if (collecting && single) {
      heldTypeTest = test.toString();
    } else {
      code.endControlFlow();
    }
  }

  /** Closes the block of a type check left open by {@link #typeCheck}, if any. */
  void settle(CodeBlock.Builder code) {
    if (heldTypeTest != null) {
      heldTypeTest = null;
      code.endControlFlow();
    }
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
