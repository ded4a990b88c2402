package dev.hookc.compiler.check;

import dev.hookc.compiler.naming.RuntimeTypes;

/**
 * The class a user pastes to start a Java function that is not written yet: it compiles as it is
 * against the contract hookc generates for the function, and returns its arguments as its data
 * until it does something else.
 */
public final class FunctionSkeleton {
  private FunctionSkeleton() {}

  /** The source of {@code function}'s class, imports and all. */
  public static String of(ResolvedFunction.JavaFunction function) {
    String type = function.className();
    return String.join(
        "\n",
        "package " + function.packageName() + ";",
        "",
        "import " + RuntimeTypes.FUNCTION_CONTEXT.canonicalName() + ";",
        "import " + RuntimeTypes.STATUS.canonicalName() + ";",
        "",
        "/**",
        " * Java function {@code "
            + function.name()
            + "}. hookc generates "
            + type
            + "Function and "
            + type
            + "Args",
        " * in this package from the tasks that call it.",
        " */",
        "public final class " + type + " implements " + type + "Function {",
        "",
        "  @Override",
        "  public Status apply(" + type + "Args args, FunctionContext context) throws Exception {",
        "    return Status.ok(args);",
        "  }",
        "}",
        "");
  }
}
