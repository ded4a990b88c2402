package dev.hookc.plugin;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Brings a running project's classes up to date after its files changed, without Maven: generates
 * again with the code of the {@code generate-sources} goal ({@link SourceGenerator}, which
 * regenerates only what the changed inputs reach), compiles the project's Java and the generated
 * sources with the JDK's compiler, and only when both succeeded replaces the classes and resources
 * in the classes directory.
 *
 * <p>Everything is compiled in one javac call, into a staging directory, so that a change to a
 * generated contract is checked against every Java function that implements it and a failed
 * compilation leaves the classes directory as it was: the application started from it keeps
 * running, and so does a class it has not loaded yet. {@link #install} is for after that
 * application stopped. The compiler and its file manager stay warm between rebuilds.
 */
final class HotRebuild implements AutoCloseable {

  /**
   * What to rebuild.
   *
   * @param generation what the {@code generate-sources} goal is asked to do
   * @param sourceRoots the project's own Java source directories ({@code src/main/java})
   * @param resources the resource directories, copied into the classes directory
   * @param classesDirectory where the application's classes are ({@code target/classes})
   * @param classpath the compile classpath, without the classes directory
   * @param javacOptions javac's options, such as {@code --release 17}
   * @param stagingDirectory a directory of the rebuild's own, for the classes until installed
   */
  record Settings(
      GenerationRequest generation,
      List<Path> sourceRoots,
      List<ResourceRoot> resources,
      Path classesDirectory,
      List<Path> classpath,
      List<String> javacOptions,
      Path stagingDirectory) {
    Settings {
      sourceRoots = List.copyOf(sourceRoots);
      resources = List.copyOf(resources);
      classpath = List.copyOf(classpath);
      javacOptions = List.copyOf(javacOptions);
    }

    /**
     * javac's options for a project: {@code --release}, the source encoding when the project sets
     * one, {@code -parameters} when its compiler plugin asks for them, and debugging information as
     * Maven's compiler plugin adds it.
     */
    static List<String> javacOptions(String release, String encoding, boolean parameters) {
      List<String> options = new ArrayList<>(List.of("--release", release, "-g"));
      if (encoding != null && !encoding.isBlank()) {
        options.addAll(List.of("-encoding", encoding));
      }
      if (parameters) {
        options.add("-parameters");
      }
      return options;
    }
  }

  /**
   * A resource directory.
   *
   * @param directory where its files are
   * @param targetPath where below the classes directory they go; empty for the top
   * @param filtered whether Maven replaces properties in them, which a rebuild does not
   */
  record ResourceRoot(Path directory, String targetPath, boolean filtered) {}

  /**
   * What a rebuild found.
   *
   * @param kind whether the classes are ready to install
   * @param errors located messages that stopped the rebuild, one per problem
   * @param warnings located messages that did not
   * @param compiled how many Java files were compiled
   */
  record Result(Kind kind, List<String> errors, List<String> warnings, int compiled) {
    Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  /** Whether the application must restart. */
  enum Kind {
    /** New classes or resources are staged; install them once the application stopped. */
    READY,
    /** Nothing the application runs changed, such as a YAML comment. */
    UNCHANGED,
    /** The YAML or the Java has errors; nothing was changed. */
    FAILED
  }

  private final Settings settings;
  private final Path projectDirectory;
  private final Path stagedClasses;
  private final SourceGenerator generator = new SourceGenerator();
  private final JavaCompiler javac;
  private final StandardJavaFileManager files;

  /** The classes directory's files compiled from the project's sources, relative to it. */
  private Set<Path> ownClasses;

  private final Set<Path> pendingResources = new LinkedHashSet<>();
  private boolean classesStaged;

  HotRebuild(Settings settings) throws IOException {
    this.settings = settings;
    this.projectDirectory = settings.generation().compile().projectDirectory();
    this.stagedClasses = settings.stagingDirectory().resolve("classes");
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException(
          "no Java compiler in " + System.getProperty("java.home") + ": run Maven on a JDK");
    }
    Charset encoding = encoding(settings.javacOptions());
    this.files = javac.getStandardFileManager(null, Locale.ROOT, encoding);
    this.ownClasses = classesOf(javaSources());
  }

  /**
   * Generates and compiles after {@code changed} files changed, staging the result; the classes
   * directory is left alone until {@link #install}.
   */
  Result rebuild(Set<Path> changed) {
    List<String> warnings = new ArrayList<>();
    GenerationResult generation;
    try {
      generation = generator.generate(settings.generation());
    } catch (IOException e) {
      return failed(List.of(e.getMessage()), warnings);
    } catch (RuntimeException e) {
      return failed(
          List.of(
              "hookc failed with an internal error; this is a bug in hookc, please report it: "
                  + e),
          warnings);
    }
    generation.warnings().forEach(w -> warnings.add("hookc: " + w));
    List<String> errors = new ArrayList<>();
    for (Diagnostic diagnostic : generation.diagnostics()) {
      (diagnostic.severity() == Severity.ERROR ? errors : warnings).add(diagnostic.format());
    }
    if (generation.outcome() == GenerationResult.Outcome.FAILED) {
      if (errors.isEmpty()) {
        // failOnWarning: the warnings are the errors.
        return failed(warnings, List.of());
      }
      return failed(errors, warnings);
    }
    boolean javaChanged = generation.written() > 0 || changed.stream().anyMatch(this::isJavaSource);
    for (Path file : changed) {
      resourceChange(file, warnings);
    }
    if (!javaChanged) {
      return new Result(
          pendingResources.isEmpty() ? Kind.UNCHANGED : Kind.READY, List.of(), warnings, 0);
    }
    return compile(warnings);
  }

  /**
   * Moves the staged classes into the classes directory, deleting the ones whose source is gone,
   * and copies the changed resources; call while the application is stopped.
   */
  void install() throws IOException {
    if (classesStaged) {
      Set<Path> staged = filesBelow(stagedClasses);
      for (Path stale : ownClasses) {
        if (!staged.contains(stale)) {
          Files.deleteIfExists(settings.classesDirectory().resolve(stale));
        }
      }
      for (Path file : staged) {
        Path target = settings.classesDirectory().resolve(file);
        Files.createDirectories(target.getParent());
        Files.move(stagedClasses.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
      }
      ownClasses = staged;
      classesStaged = false;
    }
    for (Path file : pendingResources) {
      copyResource(file);
    }
    pendingResources.clear();
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  private Result compile(List<String> warnings) {
    List<Path> sources;
    try {
      sources = javaSources();
      deleteTree(stagedClasses);
      Files.createDirectories(stagedClasses);
    } catch (IOException e) {
      return failed(List.of("cannot prepare the compilation: " + e.getMessage()), warnings);
    }
    List<String> options = new ArrayList<>(settings.javacOptions());
    options.addAll(List.of("-implicit:none", "-d", stagedClasses.toString()));
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, settings.classpath());
      files.setLocationFromPaths(
          StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(settings.stagingDirectory().resolve("sources"))));
    } catch (IOException e) {
      return failed(List.of("cannot set the classpath: " + e.getMessage()), warnings);
    }
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    boolean ok =
        javac
            .getTask(
                null, files, collector, options, null, files.getJavaFileObjectsFromPaths(sources))
            .call();
    List<String> errors = new ArrayList<>();
    for (javax.tools.Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
      switch (d.getKind()) {
        case ERROR -> errors.add(located(d, "error"));
        case WARNING, MANDATORY_WARNING -> warnings.add(located(d, "warning"));
        default -> {
          // Notes ("uses deprecated API") only repeat what a full build says.
        }
      }
    }
    if (!ok) {
      return failed(
          errors.isEmpty() ? List.of("javac failed without a message") : errors, warnings);
    }
    classesStaged = true;
    return new Result(Kind.READY, List.of(), warnings, sources.size());
  }

  /**
   * javac's message in hookc's compiler style, {@code file:line:column: error: message}, with the
   * file relative to the project.
   */
  private String located(javax.tools.Diagnostic<? extends JavaFileObject> d, String label) {
    String message = d.getMessage(Locale.ROOT);
    if (d.getSource() == null) {
      return "javac: " + label + ": " + message;
    }
    Path file = Path.of(d.getSource().toUri());
    String name =
        file.startsWith(projectDirectory)
            ? projectDirectory.relativize(file).toString().replace('\\', '/')
            : file.toString();
    return name
        + ":"
        + d.getLineNumber()
        + ":"
        + d.getColumnNumber()
        + ": "
        + label
        + ": "
        + message;
  }

  private Result failed(List<String> errors, List<String> warnings) {
    // A failed rebuild cancels a staged one that was never installed: its sources changed again.
    classesStaged = false;
    return new Result(Kind.FAILED, errors, warnings, 0);
  }

  private boolean isJavaSource(Path file) {
    return file.toString().endsWith(".java")
        && settings.sourceRoots().stream().anyMatch(root -> file.startsWith(root.toAbsolutePath()));
  }

  /** Notes a changed resource for {@link #install}; filtered ones only get a warning. */
  private void resourceChange(Path file, List<String> warnings) {
    for (ResourceRoot root : settings.resources()) {
      if (file.startsWith(root.directory().toAbsolutePath())) {
        if (root.filtered()) {
          warnings.add(
              projectDirectory.relativize(file)
                  + ": filtered by Maven; run the build to copy it into "
                  + settings.classesDirectory().getFileName());
        } else {
          pendingResources.add(file);
        }
        return;
      }
    }
  }

  private void copyResource(Path file) throws IOException {
    for (ResourceRoot root : settings.resources()) {
      Path directory = root.directory().toAbsolutePath();
      if (file.startsWith(directory)) {
        Path base =
            root.targetPath() == null || root.targetPath().isEmpty()
                ? settings.classesDirectory()
                : settings.classesDirectory().resolve(root.targetPath());
        Path target = base.resolve(directory.relativize(file).toString());
        if (Files.isRegularFile(file)) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(target);
        }
        return;
      }
    }
  }

  /** Every Java source of the project: its own and the generated ones. */
  private List<Path> javaSources() throws IOException {
    Set<Path> roots = new LinkedHashSet<>();
    settings.sourceRoots().forEach(root -> roots.add(root.toAbsolutePath().normalize()));
    roots.add(settings.generation().compile().outputDirectory().toAbsolutePath().normalize());
    List<Path> sources = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
              .sorted()
              .forEach(sources::add);
        }
      }
    }
    return sources;
  }

  /**
   * The class files in the classes directory that {@code sources} compiled to, by name: {@code
   * a/B.class} and {@code a/B$Inner.class} for {@code a/B.java}.
   */
  private Set<Path> classesOf(List<Path> sources) throws IOException {
    Set<Path> classes = new HashSet<>();
    Path classesDirectory = settings.classesDirectory();
    for (Path source : sources) {
      Path relative = relativeToRoot(source);
      if (relative == null) {
        continue;
      }
      String stem = relative.getFileName().toString().replaceFirst("\\.java$", "");
      Path packageDirectory =
          relative.getParent() == null
              ? classesDirectory
              : classesDirectory.resolve(relative.getParent());
      if (!Files.isDirectory(packageDirectory)) {
        continue;
      }
      try (Stream<Path> list = Files.list(packageDirectory)) {
        list.filter(
                f -> {
                  String name = f.getFileName().toString();
                  return name.equals(stem + ".class")
                      || (name.startsWith(stem + "$") && name.endsWith(".class"));
                })
            .forEach(f -> classes.add(classesDirectory.relativize(f)));
      }
    }
    return classes;
  }

  private Path relativeToRoot(Path source) {
    List<Path> roots = new ArrayList<>(settings.sourceRoots());
    roots.add(settings.generation().compile().outputDirectory());
    for (Path root : roots) {
      Path absolute = root.toAbsolutePath().normalize();
      if (source.startsWith(absolute)) {
        return absolute.relativize(source);
      }
    }
    return null;
  }

  private static Set<Path> filesBelow(Path directory) throws IOException {
    Set<Path> found = new HashSet<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        walk.filter(Files::isRegularFile).forEach(f -> found.add(directory.relativize(f)));
      }
    }
    return found;
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Charset encoding(List<String> options) {
    int at = options.indexOf("-encoding");
    return at >= 0 && at + 1 < options.size() ? Charset.forName(options.get(at + 1)) : null;
  }
}
