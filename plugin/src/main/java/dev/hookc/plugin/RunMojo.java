package dev.hookc.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs the project's application, {@code <packageName>.HookcApplication}, in a JVM of its own, and
 * in watch mode regenerates, recompiles and restarts it whenever its YAML, configuration or Java
 * changes, printing located errors instead when a change does not build. Ctrl-C stops it as SIGTERM
 * stops a deployment. Thin glue: the work is {@link RunSession}'s.
 *
 * <p>Invoked as {@code mvn hookc:run}, it first builds the project up to {@code process-classes}.
 * It resolves the compile classpath as well as the runtime one, because the rebuild compiles.
 */
@Mojo(
    name = "run",
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
    threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class RunMojo extends AbstractGenerationMojo {
  /** How long the application may take to stop after SIGTERM before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  @Parameter(defaultValue = "${executedProject}", readonly = true)
  private MavenProject executedProject;

  /**
   * Regenerates, recompiles and restarts the application when the project's files change; {@code
   * false} runs it once, until it exits or Ctrl-C.
   */
  @Parameter(property = "hookc.watch", defaultValue = "true")
  private boolean watch;

  /**
   * The port the application serves on, passed to it as {@code PORT}. Without it, {@code PORT} from
   * the environment counts, else {@code port} from {@code src/eventsources/http.yaml}, else 3000.
   */
  @Parameter(property = "hookc.port")
  private Integer port;

  /**
   * Options for the application's JVM, such as {@code -Xmx256m} or {@code @jvm.args} (a file
   * relative to the project directory, which is the application's working directory).
   */
  @Parameter private List<String> jvmArguments = new ArrayList<>();

  /** Environment variables for the application, on top of those Maven runs with. */
  @Parameter private Map<String, String> environmentVariables = new HashMap<>();

  /** The class whose {@code main} runs; defaults to {@code <packageName>.HookcApplication}. */
  @Parameter(property = "hookc.mainClass")
  private String mainClass;

  /** The Java release the rebuild compiles for, when the compiler plugin does not set one. */
  @Parameter(property = "maven.compiler.release")
  private String release;

  @Parameter(defaultValue = "${project.build.sourceEncoding}", readonly = true)
  private String encoding;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    GenerationRequest generation = generationRequest();
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    List<Path> dependencies = runtimeDependencies(classes);
    ChildApplication.Command command = command(generation, classes, dependencies);
    RunSession session =
        new RunSession(
            command,
            watch ? DevArchive.in(runDirectory(), command, dependencies) : null,
            new RunSession.Console(
                // The application's lines and the restarts are the goal's output: shown under -q.
                System.out::println, System.out::println, getLog()::warn, getLog()::error),
            STOP_GRACE);
    Thread stopper = new Thread(session::close, "hookc-run-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      session.start();
      if (!watch) {
        int status = session.awaitExit();
        if (status > 0) {
          throw new MojoFailureException("the application exited with status " + status);
        }
        return;
      }
      List<Path> watched = watchedPaths(generation);
      try (HotRebuild rebuild = new HotRebuild(rebuildSettings(generation, classes));
          SourceWatcher watcher = SourceWatcher.watch(watched, Duration.ofMillis(100))) {
        System.out.println(
            "hookc: watching "
                + watched.stream().map(this::shown).filter(p -> !p.isEmpty()).toList()
                + " (-Dhookc.watch=false to run once)");
        session.watch(watcher, rebuild);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hookc:run failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException e) {
        // Shutting down: the hook runs anyway.
      }
    }
  }

  private List<Path> runtimeDependencies(Path classes) throws MojoExecutionException {
    List<Path> dependencies = new ArrayList<>();
    try {
      for (String element : project.getRuntimeClasspathElements()) {
        Path path = Path.of(element);
        if (!path.equals(classes)) {
          dependencies.add(path);
        }
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the runtime classpath is not resolved", e);
    }
    return dependencies;
  }

  /**
   * The application's command: the runtime dependencies, then the classes directory, which is where
   * a class-data archive of the dependencies lets it be; in watch mode with C1 alone, which starts
   * sooner, before the configured options, which can set another level.
   */
  private ChildApplication.Command command(
      GenerationRequest generation, Path classes, List<Path> dependencies) {
    List<Path> classpath = new ArrayList<>(dependencies);
    classpath.add(classes);
    Map<String, String> environment = new HashMap<>(environmentVariables);
    if (port != null) {
      environment.put("PORT", port.toString());
    }
    List<String> options = new ArrayList<>();
    if (watch) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    options.addAll(jvmArguments);
    String main =
        mainClass != null ? mainClass : generation.compile().packageName() + ".HookcApplication";
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return new ChildApplication.Command(
        Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java"),
        options,
        classpath,
        main,
        project.getBasedir().toPath(),
        environment);
  }

  private Path runDirectory() {
    return buildDirectory().resolve("hookc/run");
  }

  private HotRebuild.Settings rebuildSettings(GenerationRequest generation, Path classes)
      throws MojoExecutionException {
    Path generated = generation.compile().outputDirectory().toAbsolutePath().normalize();
    List<Path> classpath = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        Path path = Path.of(element);
        if (!path.equals(classes)) {
          classpath.add(path);
        }
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the compile classpath is not resolved", e);
    }
    List<HotRebuild.ResourceRoot> resources = new ArrayList<>();
    for (Resource resource : project.getResources()) {
      resources.add(
          new HotRebuild.ResourceRoot(
              Path.of(resource.getDirectory()),
              resource.getTargetPath(),
              Boolean.parseBoolean(resource.getFiltering())));
    }
    // The compiler plugin's own output for annotation processors is not a source: the processors
    // write it again.
    Path annotations = buildDirectory().resolve("generated-sources/annotations");
    return new HotRebuild.Settings(
        generation,
        sourceRoots().stream()
            .filter(root -> !root.equals(generated) && !root.equals(annotations))
            .toList(),
        resources,
        classes,
        classpath,
        HotRebuild.Settings.javacOptions(javaRelease(), encoding, compilerFlag("parameters")),
        runDirectory().resolve("rebuild"));
  }

  /** The project's Java source roots, including those the forked build added. */
  private Set<Path> sourceRoots() {
    Set<Path> roots = new LinkedHashSet<>();
    for (MavenProject p :
        executedProject == null ? List.of(project) : List.of(project, executedProject)) {
      p.getCompileSourceRoots()
          .forEach(root -> roots.add(Path.of(root).toAbsolutePath().normalize()));
    }
    return roots;
  }

  /**
   * What generation reads, the Java source roots and the resource directories; nothing in the build
   * directory (generated sources are the rebuild's output), and no directory twice.
   */
  private List<Path> watchedPaths(GenerationRequest generation) throws IOException {
    Set<Path> paths = new LinkedHashSet<>();
    InputFingerprint.scan(generation.compile(), generation.settings())
        .directories()
        .forEach(d -> paths.add(d.toAbsolutePath().normalize()));
    paths.addAll(sourceRoots());
    project
        .getResources()
        .forEach(r -> paths.add(Path.of(r.getDirectory()).toAbsolutePath().normalize()));
    Path build = buildDirectory();
    return paths.stream()
        .filter(p -> !p.startsWith(build))
        .filter(p -> paths.stream().noneMatch(other -> !other.equals(p) && p.startsWith(other)))
        .toList();
  }

  private Path buildDirectory() {
    return Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
  }

  private String shown(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    if (!path.toFile().exists()) {
      return "";
    }
    return path.startsWith(base)
        ? base.relativize(path).toString().replace(File.separatorChar, '/')
        : path.toString();
  }

  /** The compiler plugin's {@code release}, else {@code maven.compiler.release}, else 17. */
  private String javaRelease() {
    String configured = compilerSetting("release");
    if (configured != null) {
      return configured;
    }
    return release != null && !release.isBlank() ? release : "17";
  }

  private boolean compilerFlag(String name) {
    return Boolean.parseBoolean(compilerSetting(name));
  }

  /** A setting of the compiler plugin's main compilation, as the effective POM has it. */
  private String compilerSetting(String name) {
    Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    if (compiler == null) {
      return null;
    }
    for (PluginExecution execution : compiler.getExecutions()) {
      if ("default-compile".equals(execution.getId())) {
        String value = child(execution.getConfiguration(), name);
        if (value != null) {
          return value;
        }
      }
    }
    return child(compiler.getConfiguration(), name);
  }

  private static String child(Object configuration, String name) {
    if (configuration instanceof Xpp3Dom dom && dom.getChild(name) != null) {
      String value = dom.getChild(name).getValue();
      return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
    }
    return null;
  }
}
