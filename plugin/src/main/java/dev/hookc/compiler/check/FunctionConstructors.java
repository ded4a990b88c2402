package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.JavaFunctionClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the constructor hookc calls for each Java function and what it passes: the class's one
 * public constructor (Java's default one when it declares none), each parameter a resource hookc
 * injects ({@link Injection}). A class with several public constructors or none, or a parameter of
 * another type, is reported at its place in the Java file. What the constructor throws, checked or
 * not, fails the application's start (the generated factory is a {@code FunctionFactory}).
 */
public final class FunctionConstructors {
  private final Diagnostics diagnostics;

  public FunctionConstructors(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks the class of each of {@code called}, the Java functions the workflows call. */
  public void check(Collection<ResolvedFunction.JavaFunction> called) {
    called.forEach(java -> java.source().ifPresent(this::check));
  }

  private void check(JavaFunctionClass java) {
    if (java.declaration().isEmpty()) {
      return;
    }
    List<JavaFunctionClass.Constructor> callable = publicConstructors(java);
    if (!java.constructors().isEmpty() && callable.isEmpty()) {
      diagnostics.report(
          CheckCode.FUNCTION_CONSTRUCTOR,
          java.declaration().get(),
          "class " + java.className() + " has no public constructor for hookc to call",
          "make one constructor public");
      return;
    }
    if (callable.size() > 1) {
      diagnostics.report(
          CheckCode.FUNCTION_CONSTRUCTOR,
          callable.get(1).location(),
          "class "
              + java.className()
              + " has "
              + callable.size()
              + " public constructors; hookc calls the only one",
          "keep one constructor public; its parameters may be: " + Injection.described());
      return;
    }
    for (JavaFunctionClass.Constructor constructor : callable) {
      for (JavaFunctionClass.Parameter parameter : constructor.parameters()) {
        if (Injection.of(parameter.type()).isEmpty()) {
          diagnostics.report(
              CheckCode.FUNCTION_PARAMETER,
              parameter.location(),
              "hookc cannot inject "
                  + parameter.type().display()
                  + " '"
                  + parameter.name()
                  + "' into "
                  + java.className(),
              "hookc injects " + Injection.described());
        }
      }
    }
  }

  /**
   * What hookc passes to the constructor of {@code java}, in order: nothing for Java's default
   * constructor; empty when the class has no constructor hookc can call (reported by {@link
   * #check}).
   */
  public static Optional<List<Injection>> arguments(JavaFunctionClass java) {
    if (java.constructors().isEmpty()) {
      return Optional.of(List.of());
    }
    List<JavaFunctionClass.Constructor> callable = publicConstructors(java);
    if (callable.size() != 1) {
      return Optional.empty();
    }
    List<Injection> arguments = new ArrayList<>();
    for (JavaFunctionClass.Parameter parameter : callable.get(0).parameters()) {
      Optional<Injection> injection = Injection.of(parameter.type());
      if (injection.isEmpty()) {
        return Optional.empty();
      }
      arguments.add(injection.get());
    }
    return Optional.of(List.copyOf(arguments));
  }

  private static List<JavaFunctionClass.Constructor> publicConstructors(JavaFunctionClass java) {
    return java.constructors().stream().filter(JavaFunctionClass.Constructor::isPublic).toList();
  }
}
