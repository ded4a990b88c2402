package dev.hookc.plugin;

import java.io.File;
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

  /** Where generated Java sources are written; added to the project's compile source roots. */
  @Parameter(
      property = "hookc.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/hookc")
  private File outputDirectory;

  /**
   * The package of the generated code. Defaults to the project's groupId followed by {@code
   * .hookc}, with characters that cannot appear in a package name replaced.
   */
  @Parameter(property = "hookc.packageName")
  private String packageName;

  /** Skips generation entirely. */
  @Parameter(property = "hookc.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hookc: skipped");
      return;
    }
    throw new MojoExecutionException(
        "not yet wired: "
            + eventsDirectory
            + functionsDirectory
            + outputDirectory
            + packageName
            + project);
  }
}
