package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chooses the constructor hookc calls for each Java function and what it passes: the class's one
 * public constructor (Java's default one when it declares none), each parameter a resource hookc
 * injects ({@link Injection}) or a jdbc datasource's typed statements class, {@code
 * <package>.datasources.DbStatements}, matched by its qualified name. A class with several public
 * constructors or none, or a parameter of another type, is reported at its place in the Java file.
 * What the constructor throws, checked or not, fails the application's start (the generated factory
 * is a {@code FunctionFactory}).
 */
public final class FunctionConstructors {
  private final Diagnostics diagnostics;
  private final Collection<Datasource> datasources;
  private final String packageName;

  /**
   * @param datasources the project's datasources, which parameters of their types are given
   * @param packageName the generated code's package, where the typed statements classes are
   */
  public FunctionConstructors(
      Diagnostics diagnostics, Collection<Datasource> datasources, String packageName) {
    this.diagnostics = diagnostics;
    this.datasources = datasources;
    this.packageName = packageName;
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
    Map<String, String> statements = statementClasses(packageName, datasources);
    for (JavaFunctionClass.Constructor constructor : callable) {
      for (JavaFunctionClass.Parameter parameter : constructor.parameters()) {
        if (parameter.type().dimensions() == 0
            && parameter.type().arguments().isEmpty()
            && statements.containsKey(parameter.type().name())) {
          continue;
        }
        if (parameter.type().name().startsWith(packageName + ".datasources.")) {
          // A generated package: most likely a datasource renamed or misspelt.
          diagnostics.report(
              CheckCode.FUNCTION_PARAMETER,
              parameter.location(),
              "no jdbc datasource generates "
                  + parameter.type().display()
                  + " for '"
                  + parameter.name()
                  + "' in "
                  + java.className(),
              statements.isEmpty()
                  ? "src/datasources declares no jdbc datasource"
                  : "typed statements classes: "
                      + String.join(
                          ", ",
                          statements.keySet().stream()
                              .map(n -> n.substring(n.lastIndexOf('.') + 1))
                              .toList()));
          continue;
        }
        Optional<Injection> injection = Injection.of(parameter.type());
        if (injection.isPresent()
            && datasource(injection.get(), parameter, datasources).isEmpty()) {
          boolean jdbc = injection.get() == Injection.JDBC_DATASOURCE;
          List<String> names = named(jdbc, datasources);
          diagnostics.report(
              CheckCode.FUNCTION_PARAMETER,
              parameter.location(),
              "no "
                  + (jdbc ? "jdbc" : "http")
                  + " datasource for '"
                  + parameter.name()
                  + "' in "
                  + java.className()
                  + (names.isEmpty()
                      ? ": src/datasources declares none"
                      : ": none is named so, and there are " + names.size()),
              names.isEmpty()
                  ? "declare one in src/datasources/" + parameter.name() + ".yaml"
                  : "name the parameter after one of: " + String.join(", ", names));
          continue;
        }
        if (injection.isEmpty()) {
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
  public static Optional<List<ConstructorArgument>> arguments(
      JavaFunctionClass java, Collection<Datasource> datasources, String packageName) {
    if (java.constructors().isEmpty()) {
      return Optional.of(List.of());
    }
    List<JavaFunctionClass.Constructor> callable = publicConstructors(java);
    if (callable.size() != 1) {
      return Optional.empty();
    }
    List<ConstructorArgument> arguments = new ArrayList<>();
    Map<String, String> statements = statementClasses(packageName, datasources);
    for (JavaFunctionClass.Parameter parameter : callable.get(0).parameters()) {
      String statementsOf = statements.get(parameter.type().name());
      if (statementsOf != null && parameter.type().is(parameter.type().name())) {
        arguments.add(
            new ConstructorArgument(
                Injection.JDBC_STATEMENTS,
                Optional.of(statementsOf),
                Optional.of(parameter.type().name())));
        continue;
      }
      Optional<Injection> injection = Injection.of(parameter.type());
      if (injection.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> datasource = Optional.empty();
      if (injection.get() == Injection.JDBC_DATASOURCE
          || injection.get() == Injection.HTTP_DATASOURCE) {
        datasource = datasource(injection.get(), parameter, datasources);
        if (datasource.isEmpty()) {
          return Optional.empty();
        }
      }
      arguments.add(new ConstructorArgument(injection.get(), datasource));
    }
    return Optional.of(List.copyOf(arguments));
  }

  /**
   * The datasource a parameter of a datasource type is given: the one of its kind named like the
   * parameter, else the only one of its kind. Empty for another type (nothing to choose).
   */
  private static Optional<String> datasource(
      Injection injection, JavaFunctionClass.Parameter parameter, Collection<Datasource> all) {
    if (injection != Injection.JDBC_DATASOURCE && injection != Injection.HTTP_DATASOURCE) {
      return Optional.of("");
    }
    List<String> names = named(injection == Injection.JDBC_DATASOURCE, all);
    if (names.contains(parameter.name())) {
      return Optional.of(parameter.name());
    }
    return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
  }

  /** The qualified name of each jdbc datasource's typed statements class, to its datasource. */
  private static Map<String, String> statementClasses(
      String packageName, Collection<Datasource> all) {
    Map<String, String> classes = new TreeMap<>();
    new Names(packageName)
        .statements(named(true, all))
        .forEach((datasource, type) -> classes.put(type.canonicalName(), datasource));
    return classes;
  }

  private static List<String> named(boolean jdbc, Collection<Datasource> all) {
    return all.stream()
        .filter(d -> jdbc ? d instanceof Datasource.Jdbc : d instanceof Datasource.Http)
        .map(Datasource::name)
        .sorted()
        .toList();
  }

  private static List<JavaFunctionClass.Constructor> publicConstructors(JavaFunctionClass java) {
    return java.constructors().stream().filter(JavaFunctionClass.Constructor::isPublic).toList();
  }
}
