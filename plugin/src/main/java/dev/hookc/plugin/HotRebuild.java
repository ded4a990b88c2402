package dev.hookc.plugin;

import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Brings a running project's classes up to date after its files changed, without Maven: generates
 * again with the code of the {@code generate-sources} goal ({@link SourceGenerator}, which
 * regenerates only what the changed inputs reach), compiles the changed Java sources, generated or
 * the project's own, with every source that depends on them ({@link CompileSelection}), and only
 * when both succeeded replaces the classes and resources in the classes directory.
 *
 * <p>The compiler writes to a staging directory, so that a failed compilation leaves the classes
 * directory as it was: the application started from it keeps running, and so does a class it has
 * not loaded yet. {@link #install} is for after that application stopped. Sources that changed stay
 * to be compiled until a compilation of them has been installed. The compiler and its file manager
 * stay warm between rebuilds.
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
   * @param compiled the Java sources compiled, by path below their source root
   */
  record Result(Kind kind, List<String> errors, List<String> warnings, Set<String> compiled) {
    Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
      compiled = Set.copyOf(compiled);
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
  private final HidingFileManager files;
  private final CompileSelection selection;

  private final JavaSources sources;
  private final ResourceCopy resources;

  /** The compilation staged for {@link #install}; null when there is none. */
  private CompileSelection.Plan staged;

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
    this.files = new HidingFileManager(javac.getStandardFileManager(null, Locale.ROOT, encoding));
    this.selection = new CompileSelection(settings.classesDirectory());
    this.sources =
        new JavaSources(settings.sourceRoots(), settings.generation().compile().outputDirectory());
    this.resources =
        new ResourceCopy(settings.resources(), settings.classesDirectory(), projectDirectory);
  }

  /**
   * Generates and compiles after {@code changed} files changed, staging the result; the classes
   * directory is left alone until {@link #install}.
   */
  synchronized Result rebuild(Set<Path> changed) {
    staged = null;
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
    try {
      sources.noteGenerated();
    } catch (IOException e) {
      return failed(List.of("cannot list the generated sources: " + e.getMessage()), warnings);
    }
    for (Path file : changed) {
      sources.noteOwn(file);
      resources.note(file, warnings);
    }
    if (!sources.hasChanges()) {
      return new Result(
          resources.isEmpty() ? Kind.UNCHANGED : Kind.READY, List.of(), warnings, Set.of());
    }
    return compile(warnings);
  }

  /**
   * Moves the staged classes into the classes directory, deleting those of the recompiled and
   * deleted sources that were not compiled again, and copies the changed resources; call while the
   * application is stopped.
   */
  synchronized void install() throws IOException {
    if (staged != null) {
      Set<String> compiled = new HashSet<>();
      for (Path file : filesBelow(stagedClasses)) {
        compiled.add(file.toString().replace('\\', '/'));
      }
      for (String stale : staged.replaced()) {
        if (!compiled.contains(stale)) {
          Files.deleteIfExists(settings.classesDirectory().resolve(stale));
        }
      }
      for (String file : compiled) {
        Path target = settings.classesDirectory().resolve(file);
        Files.createDirectories(target.getParent());
        Files.move(stagedClasses.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
      }
      sources.compiled();
      staged = null;
    }
    resources.install();
  }

  /**
   * Does once what the first rebuild would otherwise do cold: plans a generation of the project and
   * compiles every source into a scratch directory, writing nothing else. On a JVM that has not run
   * the compiler yet, that first rebuild took seconds; a rebuild waits for this to finish.
   */
  synchronized void warmUp() {
    Path scratch = settings.stagingDirectory().resolve("warm-up");
    try {
      new HookcCompiler().plan(settings.generation().compile());
      List<Path> all = List.copyOf(sources.all().values());
      Files.createDirectories(scratch);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, settings.classpath());
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      files.hide(Set.of());
      List<String> options = new ArrayList<>(settings.javacOptions());
      options.addAll(List.of("-proc:none", "-implicit:none", "-d", scratch.toString()));
      javac
          .getTask(
              null,
              files,
              new DiagnosticCollector<>(),
              options,
              null,
              files.getJavaFileObjectsFromPaths(all))
          .call();
    } catch (IOException | RuntimeException e) {
      // Only time is lost: the first rebuild runs cold and reports what is wrong.
    } finally {
      try {
        deleteTree(scratch);
      } catch (IOException e) {
        // Left in the staging directory, which the next warm-up deletes.
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    files.close();
  }

  private Result compile(List<String> warnings) {
    Map<String, Path> all;
    try {
      all = sources.all();
      deleteTree(stagedClasses);
      Files.createDirectories(stagedClasses);
    } catch (IOException e) {
      return failed(List.of("cannot prepare the compilation: " + e.getMessage()), warnings);
    }
    CompileSelection.Plan plan = selection.plan(all.keySet(), sources.changed(), sources.deleted());
    List<Path> classpath = new ArrayList<>(settings.classpath());
    if (!plan.everything()) {
      // What is not compiled again is read from the classes directory, except the classes that
      // this compilation replaces: a class whose source is gone must not be found there.
      classpath.add(settings.classesDirectory());
    }
    List<String> options = new ArrayList<>(settings.javacOptions());
    options.addAll(List.of("-implicit:none", "-d", stagedClasses.toString()));
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      files.setLocationFromPaths(
          StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(settings.stagingDirectory().resolve("sources"))));
    } catch (IOException e) {
      return failed(List.of("cannot set the classpath: " + e.getMessage()), warnings);
    }
    files.hide(plan.hidden());
    List<Path> compiled = plan.sources().stream().map(all::get).sorted().toList();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    boolean ok =
        compiled.isEmpty()
            || javac
                .getTask(
                    null,
                    files,
                    collector,
                    options,
                    null,
                    files.getJavaFileObjectsFromPaths(compiled))
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
    staged = plan;
    return new Result(Kind.READY, List.of(), warnings, plan.sources());
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
    staged = null;
    return new Result(Kind.FAILED, errors, warnings, Set.of());
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
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Charset encoding(List<String> options) {
    int at = options.indexOf("-encoding");
    return at >= 0 && at + 1 < options.size() ? Charset.forName(options.get(at + 1)) : null;
  }
}
