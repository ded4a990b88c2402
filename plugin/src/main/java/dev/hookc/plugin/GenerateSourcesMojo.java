package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
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

/** Compiles the project's events and workflows into Java sources. */
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

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hookc: skipped");
      return;
    }
    File base = project.getBasedir();
    CompileRequest request =
        new CompileRequest(
            base.toPath(),
            eventsDirectory.toPath(),
            functionsDirectory.toPath(),
            definitionsDirectory.toPath(),
            new File(project.getBuild().getSourceDirectory()).toPath(),
            outputDirectory.toPath(),
            PackageNames.resolve(packageName, project.getGroupId()));
    CompileResult result;
    try {
      result = new HookcCompiler().compile(request);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "hookc failed with an internal error; this is a bug in hookc, please report it with"
              + " the stack trace below",
          e);
    }
    for (Diagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.severity() == Severity.ERROR) {
        getLog().error(diagnostic.format());
      } else {
        getLog().warn(diagnostic.format());
      }
    }
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      throw new MojoFailureException(
          "hookc found "
              + plural(errors, "error")
              + " and "
              + plural(warnings, "warning")
              + " in the project's YAML; see the lines above");
    }
    try {
      new SourceWriter(outputDirectory.toPath()).write(result.sources());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write generated sources to " + outputDirectory, e);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    getLog()
        .info(
            "hookc: generated "
                + result.sources().size()
                + " source files"
                + (warnings > 0 ? " with " + plural(warnings, "warning") : ""));
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
