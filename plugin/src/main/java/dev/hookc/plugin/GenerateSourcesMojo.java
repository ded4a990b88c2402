package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * Where the fingerprint of the last successful generation is kept, with the size, modification
   * time and content hash of each input file. When the project's YAML, definitions, configuration,
   * Java function files and this plugin's settings and version are all unchanged and the output
   * directory exists, generation is skipped; only files whose size or time changed are read again,
   * and their content decides (a {@code touch} alone does not regenerate). Delete it, or run {@code
   * clean}, to force generation.
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
    long start = System.nanoTime();
    CpuTime cpu = CpuTime.start();
    UpToDateCheck upToDate = new UpToDateCheck(stateFile.toPath());
    InputFingerprint inputs = scan(request);
    FileHashes hashes = null;
    String fingerprint = null;
    boolean unchanged = inputs != null && upToDate.isUnchanged(inputs, outputDirectory.toPath());
    if (!unchanged && inputs != null) {
      hashes = upToDate.rememberedHashes();
      fingerprint = fingerprint(inputs, hashes);
      if (fingerprint != null && upToDate.isUpToDate(fingerprint, outputDirectory.toPath())) {
        // Touched but unchanged files: remember their new times so that the next check is quick.
        record(upToDate, fingerprint, inputs, hashes);
        unchanged = true;
      }
    }
    if (unchanged) {
      project.addCompileSourceRoot(outputDirectory.getPath());
      getLog()
          .info(
              "hookc: inputs unchanged since the last generation, skipped ("
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms"
                  + cpu.since()
                  + ")");
      return;
    }
    try {
      upToDate.invalidate();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot delete " + stateFile, e);
    }
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
    if (fingerprint != null) {
      record(upToDate, fingerprint, inputs, hashes);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    getLog()
        .info(
            "hookc: generated "
                + result.sources().size()
                + " source files in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms"
                + cpu.since()
                + (warnings > 0 ? " with " + plural(warnings, "warning") : ""));
  }

  private void record(
      UpToDateCheck upToDate, String fingerprint, InputFingerprint inputs, FileHashes hashes) {
    try {
      upToDate.record(fingerprint, inputs.stamp(), hashes);
    } catch (IOException e) {
      getLog().warn("hookc: cannot write " + stateFile + "; the next build generates again");
    }
  }

  /**
   * Everything {@code request}'s generation reads, or null when an input cannot be listed, in which
   * case generation runs and reports the problem itself.
   */
  private InputFingerprint scan(CompileRequest request) {
    try {
      Map<String, String> settings = new TreeMap<>();
      settings.put("pluginVersion", pluginVersion);
      settings.put("pluginJar", pluginJarIdentity());
      settings.put("failOnWarning", Boolean.toString(failOnWarning));
      return InputFingerprint.scan(request, settings);
    } catch (IOException | UncheckedIOException e) {
      getLog().debug("hookc: cannot list the inputs, generating", e);
      return null;
    }
  }

  /** The inputs' content fingerprint, or null when an input cannot be read. */
  private String fingerprint(InputFingerprint inputs, FileHashes hashes) {
    try {
      return inputs.fingerprint(hashes);
    } catch (IOException | UncheckedIOException e) {
      getLog().debug("hookc: cannot fingerprint the inputs, generating", e);
      return null;
    }
  }

  /**
   * The plugin jar's size and modification time: a rebuilt snapshot of the plugin keeps its version
   * but must still regenerate. A plugin run from a classes directory (inside its own reactor) gets
   * a value that never repeats, since rewritten class files do not change the directory's time.
   */
  private static String pluginJarIdentity() throws IOException {
    try {
      Path jar =
          Path.of(
              GenerateSourcesMojo.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      if (!Files.isRegularFile(jar)) {
        return "classes@" + System.nanoTime();
      }
      return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown@" + System.nanoTime();
    }
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
