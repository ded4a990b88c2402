package dev.hookc.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Makes the project's jar run with {@code java -jar target/<finalName>.jar}: the generated {@code
 * HookcApplication} as its main class, and the runtime dependencies copied to {@code target/lib/}
 * and named in its manifest's class path. With {@code classDataArchive}, it then dumps a class-data
 * archive from a training run and writes {@code target/hookc.args}, so that the jar run with that
 * file's options ({@code java @target/hookc.args -jar target/<finalName>.jar}) starts in about half
 * the CPU time. Thin glue over {@link ExecutableJar} and {@link ClassDataArchive}.
 */
@Mojo(
    name = "executable-jar",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class ExecutableJarMojo extends AbstractMojo {
  /** How long a training run may take. */
  private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /**
   * The package of the generated code, as for {@code generate-sources}; its {@code
   * HookcApplication} is the main class.
   */
  @Parameter(property = "hookc.packageName")
  private String packageName;

  /** The jar's main class; defaults to {@code <packageName>.HookcApplication}. */
  @Parameter(property = "hookc.mainClass")
  private String mainClass;

  /**
   * Dumps a class-data archive from a training run of the jar ({@code
   * dev.hookc.runtime.TrainingRun} sending {@code trainingRequests}) to {@code archiveFile}, and
   * writes the options that map it to the same path with {@code .args} for {@code .jsa}. The run's
   * output goes to {@code target/hookc-training.log}; the build fails when an answer has another
   * status than listed. A JDK that cannot dump an archive only gets a warning. Run the jar with the
   * JDK that built it.
   */
  @Parameter(property = "hookc.classDataArchive", defaultValue = "false")
  private boolean classDataArchive;

  /**
   * The training run's requests, {@code <METHOD> <path> <status> [<JSON body>]} each, such as
   * {@code POST /callback 200 {"status":"ok"}}. They really run the workflows, so list only ones
   * without lasting effects. Without any, the run starts and stops the server.
   */
  @Parameter private List<String> trainingRequests = new ArrayList<>();

  /**
   * The JVM options the application runs with, for the training run: an archive is only used by a
   * JVM with compatible options (the collector, for one). {@code @file} arguments are relative to
   * the project directory.
   */
  @Parameter private List<String> jvmArguments = new ArrayList<>();

  /** Where the class-data archive goes. */
  @Parameter(property = "hookc.archiveFile", defaultValue = "${project.build.directory}/hookc.jsa")
  private File archiveFile;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    File jarFile = project.getArtifact().getFile();
    if (!"jar".equals(project.getPackaging()) || jarFile == null || !jarFile.isFile()) {
      throw new MojoFailureException(
          "hookc:executable-jar makes the project's jar executable, and there is none: bind it to"
              + " the package phase of a project with jar packaging");
    }
    Path jar = jarFile.toPath();
    String main =
        mainClass != null
            ? mainClass
            : PackageNames.resolve(packageName, project.getGroupId()) + ".HookcApplication";
    List<ExecutableJar.Dependency> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getArtifactHandler().isAddedToClasspath()
          && !Artifact.SCOPE_TEST.equals(artifact.getScope())
          && !Artifact.SCOPE_PROVIDED.equals(artifact.getScope())) {
        dependencies.add(
            new ExecutableJar.Dependency(
                artifact.getFile().toPath(),
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getBaseVersion(),
                artifact.getClassifier()));
      }
    }
    try {
      List<String> classPath = ExecutableJar.make(jar, main, dependencies);
      getLog()
          .info(
              "hookc: "
                  + jar.getFileName()
                  + " runs "
                  + main
                  + " with "
                  + GenerationResult.plural(classPath.size(), "jar")
                  + " in "
                  + ExecutableJar.LIB
                  + "/");
      if (classDataArchive) {
        dumpArchive(jar, main);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("hookc:executable-jar failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted during the training run", e);
    }
  }

  private void dumpArchive(Path jar, String main)
      throws IOException, InterruptedException, MojoFailureException {
    Path archive = archiveFile.toPath();
    String name = archive.getFileName().toString().replaceFirst("\\.jsa$", "");
    Path arguments = archive.resolveSibling(name + ".args");
    Path log = Path.of(project.getBuild().getDirectory(), "hookc-training.log");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    ClassDataArchive.Request request =
        new ClassDataArchive.Request(
            Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java"),
            project.getBasedir().toPath(),
            jvmArguments,
            jar,
            main,
            trainingRequests,
            archive,
            arguments,
            log,
            TRAINING_TIMEOUT);
    long start = System.nanoTime();
    try {
      ClassDataArchive.Outcome outcome = ClassDataArchive.dump(request);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (outcome == ClassDataArchive.Outcome.DUMPED) {
        getLog()
            .info(
                "hookc: class-data archive "
                    + project.getBasedir().toPath().relativize(archive)
                    + " written by a training run of "
                    + GenerationResult.plural(trainingRequests.size(), "request")
                    + " in "
                    + millis
                    + " ms; run with java @"
                    + project.getBasedir().toPath().relativize(arguments)
                    + " -jar ...");
      } else {
        getLog()
            .warn(
                "hookc: this JDK cannot dump a class-data archive (see "
                    + log
                    + "); the jar runs without one");
      }
    } catch (ClassDataArchive.TrainingFailedException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }
}
