package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles the project's events and workflows into Java sources. Thin glue: it maps its parameters
 * into a {@link GenerationRequest}, lets {@link SourceGenerator} do the work, and turns the {@link
 * GenerationResult} into log lines and build failures.
 */
@Mojo(name = "generate-sources", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateSourcesMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Where the event definitions ({@code http.post./path:} YAML files) are. */
  @Parameter(property = "hookc.eventsDirectory", defaultValue = "${project.basedir}/src/events")
  private File eventsDirectory;

  /** Where the workflow definitions (YAML files with {@code tasks}) are. */
  @Parameter(
      property = "hookc.functionsDirectory",
      defaultValue = "${project.basedir}/src/functions")
  private File functionsDirectory;

  /** Where shared JSON Schemas ({@code $ref: '#/definitions/<name>'}) are. */
  @Parameter(
      property = "hookc.definitionsDirectory",
      defaultValue = "${project.basedir}/src/definitions")
  private File definitionsDirectory;

  /** Where generated Java sources are written; added to the project's compile source roots. */
  @Parameter(
      property = "hookc.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/hookc")
  private File outputDirectory;

  /**
   * The package of the generated code. Defaults to the project's groupId followed by {@code
   * .hookc}, with characters that cannot appear in a package name replaced. Java functions are
   * expected in its {@code functions} subpackage.
   */
  @Parameter(property = "hookc.packageName")
  private String packageName;

  /** Fails the build when any warning is reported, not only on errors. */
  @Parameter(property = "hookc.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /** Skips generation entirely. */
  @Parameter(property = "hookc.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Where the fingerprint of the last successful generation is kept, with the size, modification
   * time and content hash of each input file. When the project's YAML, definitions, configuration,
   * Java function files and this plugin's settings and version are all unchanged and the output
   * directory exists, generation is skipped; only files whose size or time changed are read again,
   * and their content decides (a {@code touch} alone does not regenerate). Next to it, {@code
   * outputs.manifest} records which input files each generated file depends on, so that a change
   * regenerates only the files it reaches, and {@code analysis.cache} what each event and workflow
   * file means beyond itself and the diagnostics it reported, so that a change to event and
   * workflow files reads only the files it reaches. Delete them, or run {@code clean}, to force a
   * full generation.
   */
  @Parameter(
      property = "hookc.stateFile",
      defaultValue = "${project.build.directory}/hookc/inputs.sha256")
  private File stateFile;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hookc: skipped");
      return;
    }
    long start = System.nanoTime();
    CpuTime cpu = CpuTime.start();
    GenerationResult result = generate(request());
    result.notes().forEach(note -> getLog().debug("hookc: " + note));
    result.warnings().forEach(warning -> getLog().warn("hookc: " + warning));
    for (Diagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.severity() == Severity.ERROR) {
        getLog().error(diagnostic.format());
      } else {
        getLog().warn(diagnostic.format());
      }
    }
    if (result.outcome() == GenerationResult.Outcome.FAILED) {
      throw new MojoFailureException(
          "hookc found "
              + GenerationResult.plural(result.count(Severity.ERROR), "error")
              + " and "
              + GenerationResult.plural(result.count(Severity.WARNING), "warning")
              + " in the project's YAML; see the lines above");
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    getLog().info("hookc: " + result.summary((System.nanoTime() - start) / 1_000_000));
    // Debug only: it is the whole Maven process's figure, other modules' work included under -T.
    cpu.since().ifPresent(ms -> getLog().debug("hookc: Maven's JVM used " + ms + " ms CPU"));
  }

  private GenerationRequest request() {
    CompileRequest compile =
        new CompileRequest(
            project.getBasedir().toPath(),
            eventsDirectory.toPath(),
            functionsDirectory.toPath(),
            definitionsDirectory.toPath(),
            new File(project.getBuild().getSourceDirectory()).toPath(),
            outputDirectory.toPath(),
            PackageNames.resolve(packageName, project.getGroupId()));
    return new GenerationRequest(
        compile, stateFile.toPath(), failOnWarning, pluginVersion, PluginJar.identity());
  }

  private static GenerationResult generate(GenerationRequest request)
      throws MojoExecutionException {
    try {
      return new SourceGenerator().generate(request);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "hookc failed with an internal error; this is a bug in hookc, please report it with"
              + " the stack trace below",
          e);
    }
  }
}
