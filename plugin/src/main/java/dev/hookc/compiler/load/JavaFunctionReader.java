package dev.hookc.compiler.load;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.model.JavaRecord;
import dev.hookc.compiler.model.JavaSources;
import dev.hookc.compiler.model.JavaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the Java sources of a project's functions ({@code <package>/functions} below the Java
 * source directory) with JavaParser: for each file, the class named after it, its {@code apply}'s
 * declared return type and its constructors; and every record declared there, which a function may
 * return. Reading never fails the build: a file JavaParser cannot read is a warning, since javac
 * will say exactly what is wrong with it, and hookc then knows only that it exists.
 */
public final class JavaFunctionReader {
  private final Path projectDirectory;
  private final Diagnostics diagnostics;

  public JavaFunctionReader(Path projectDirectory, Diagnostics diagnostics) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
  }

  /**
   * Reads {@code files}, the {@code .java} files below the directory of package {@code
   * packageName}.
   */
  JavaSources read(List<Path> files, String packageName) {
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                .setCharacterEncoding(StandardCharsets.UTF_8));
    Map<String, CompilationUnit> units = new TreeMap<>();
    Map<String, JavaFunctionClass> classes = new TreeMap<>();
    for (Path file : files) {
      String shown = shown(file);
      String className = file.getFileName().toString().replaceFirst("\\.java$", "");
      classes.put(shown, JavaFunctionClass.unread(shown, className));
      parse(parser, file, shown).ifPresent(unit -> units.put(shown, unit));
    }
    // Types declared anywhere below the directory resolve across files, as javac would see them.
    Set<String> declared = new HashSet<>();
    units
        .values()
        .forEach(
            unit ->
                unit.findAll(TypeDeclaration.class)
                    .forEach(t -> qualified(t).ifPresent(declared::add)));
    Map<String, JavaRecord> records = new TreeMap<>();
    units.forEach(
        (shown, unit) -> {
          JavaTypeResolver types =
              new JavaTypeResolver(unit, packageOf(unit, packageName), declared);
          String className = classes.get(shown).className();
          classes.put(shown, functionClass(shown, className, unit, types));
          for (RecordDeclaration record : unit.findAll(RecordDeclaration.class)) {
            qualified(record)
                .ifPresent(name -> records.put(name, record(name, shown, record, types)));
          }
        });
    return new JavaSources(classes, records);
  }

  private Optional<CompilationUnit> parse(JavaParser parser, Path file, String shown) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Not UTF-8, or unreadable: javac reports it with the encoding the build sets.
      diagnostics.report(
          LoadCode.JAVA_UNREADABLE,
          Location.startOf(shown),
          "cannot read the Java function file: " + e.getMessage(),
          "its apply's result is read by Godspeed's status rules");
      return Optional.empty();
    }
    ParseResult<CompilationUnit> result;
    try {
      result = parser.parse(text);
    } catch (RuntimeException | StackOverflowError e) {
      // Nesting deeper than the parser's stack, say: javac is the judge of such a file.
      diagnostics.report(
          LoadCode.JAVA_UNREADABLE,
          Location.startOf(shown),
          "cannot read the Java function file: " + e.getClass().getSimpleName(),
          "javac will report it; meanwhile its apply's result is read by Godspeed's status rules");
      return Optional.empty();
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem problem = result.getProblems().get(0);
      Location location =
          problem
              .getLocation()
              .flatMap(range -> range.getBegin().getRange())
              .map(range -> new Location(shown, range.begin.line, range.begin.column))
              .orElse(Location.startOf(shown));
      diagnostics.report(
          LoadCode.JAVA_UNREADABLE,
          location,
          "cannot read the Java function file: " + firstLine(problem.getMessage()),
          "javac will report it; meanwhile its apply's result is read by Godspeed's status rules");
      return Optional.empty();
    }
    return result.getResult();
  }

  private static JavaFunctionClass functionClass(
      String shown, String className, CompilationUnit unit, JavaTypeResolver types) {
    for (TypeDeclaration<?> type : unit.getTypes()) {
      if (!type.getNameAsString().equals(className)) {
        continue;
      }
      if (type instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
        return new JavaFunctionClass(
            shown,
            className,
            Optional.of(at(shown, c.getName())),
            isFunction(c, c, className),
            result(shown, c, className, types),
            constructors(shown, c.getConstructors(), types));
      }
      if (type instanceof RecordDeclaration r) {
        List<JavaFunctionClass.Constructor> constructors =
            new ArrayList<>(constructors(shown, r.getConstructors(), types));
        // The canonical constructor, implicit or not, has the record's components as parameters.
        constructors.removeIf(
            k ->
                k.parameters().size() == r.getParameters().size()
                    && sameTypes(k.parameters(), parameters(shown, r.getParameters(), types)));
        constructors.add(
            0,
            new JavaFunctionClass.Constructor(
                r.isPublic(),
                at(shown, r.getName()),
                parameters(shown, r.getParameters(), types),
                List.of()));
        return new JavaFunctionClass(
            shown,
            className,
            Optional.of(at(shown, r.getName())),
            isFunction(r, r, className),
            result(shown, r, className, types),
            constructors);
      }
    }
    return JavaFunctionClass.unread(shown, className);
  }

  private static boolean sameTypes(
      List<JavaFunctionClass.Parameter> a, List<JavaFunctionClass.Parameter> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).type().equals(b.get(i).type())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFunction(
      NodeWithImplements<?> implementing, TypeDeclaration<?> type, String className) {
    return implementing.getImplementedTypes().stream()
            .anyMatch(i -> i.getNameAsString().equals(className + "Function"))
        || !type.getMethodsByName("apply").isEmpty();
  }

  /**
   * The return type of the class's own {@code apply(XxxArgs, FunctionContext)}; with no such
   * method, of its only two-parameter {@code apply}.
   */
  private static Optional<JavaFunctionClass.Result> result(
      String shown, TypeDeclaration<?> type, String className, JavaTypeResolver types) {
    List<MethodDeclaration> candidates =
        type.getMethodsByName("apply").stream()
            .filter(m -> !m.isStatic() && m.getParameters().size() == 2)
            .toList();
    Optional<MethodDeclaration> apply =
        candidates.stream()
            .filter(
                m ->
                    m.getParameter(0).getType() instanceof ClassOrInterfaceType t
                        && t.getNameAsString().equals(className + "Args"))
            .findFirst();
    if (apply.isEmpty() && candidates.size() == 1) {
      apply = Optional.of(candidates.get(0));
    }
    return apply.map(
        m -> new JavaFunctionClass.Result(types.resolve(m.getType()), at(shown, m.getType())));
  }

  private static List<JavaFunctionClass.Constructor> constructors(
      String shown, List<? extends CallableDeclaration<?>> declared, JavaTypeResolver types) {
    List<JavaFunctionClass.Constructor> constructors = new ArrayList<>();
    for (CallableDeclaration<?> constructor : declared) {
      constructors.add(
          new JavaFunctionClass.Constructor(
              constructor.isPublic(),
              at(shown, constructor.getName()),
              parameters(shown, constructor.getParameters(), types),
              constructor.getThrownExceptions().stream()
                  .map(t -> new JavaFunctionClass.Thrown(types.resolve(t), at(shown, t)))
                  .toList()));
    }
    return constructors;
  }

  private static List<JavaFunctionClass.Parameter> parameters(
      String shown, NodeList<Parameter> parameters, JavaTypeResolver types) {
    List<JavaFunctionClass.Parameter> out = new ArrayList<>();
    for (Parameter parameter : parameters) {
      out.add(
          new JavaFunctionClass.Parameter(
              parameter.getNameAsString(),
              types.resolve(parameter.getType()),
              at(shown, parameter.getType())));
    }
    return out;
  }

  private static JavaRecord record(
      String name, String shown, RecordDeclaration record, JavaTypeResolver types) {
    Map<String, JavaType> components = new LinkedHashMap<>();
    for (Parameter component : record.getParameters()) {
      components.put(component.getNameAsString(), types.resolve(component.getType()));
    }
    // Jackson writes a record's components, and also any other getter it declares; its own
    // annotations may rename, hide or add keys. Either way the components no longer tell the keys.
    boolean annotated =
        record.findAll(AnnotationExpr.class).stream()
            .anyMatch(a -> a.getName().getIdentifier().startsWith("Json"));
    boolean getters =
        record.getMethods().stream()
            .anyMatch(
                m ->
                    !m.isStatic()
                        && m.getParameters().isEmpty()
                        && m.getNameAsString().matches("(get|is)[A-Z].*"));
    return new JavaRecord(name, shown, components, !annotated && !getters);
  }

  private static Optional<String> qualified(TypeDeclaration<?> type) {
    // A local type (declared in a method) is no member of anything: nothing can name it here.
    return type.isTopLevelType() || type.getParentNode().orElse(null) instanceof TypeDeclaration<?>
        ? type.getFullyQualifiedName()
        : Optional.empty();
  }

  private static String packageOf(CompilationUnit unit, String fallback) {
    return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(fallback);
  }

  private static Location at(String shown, Node node) {
    return node.getBegin()
        .map(p -> new Location(shown, p.line, p.column))
        .orElse(Location.startOf(shown));
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  private String shown(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
