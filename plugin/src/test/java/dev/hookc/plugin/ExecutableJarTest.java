package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar made executable, and run with {@code java -jar}. */
class ExecutableJarTest {
  /** The time a reproducible build gives every entry. */
  private static final long ENTRY_TIME = 1_767_225_600_000L;

  @TempDir Path directory;

  private Path jar;
  private ExecutableJar.Dependency greeting;

  @BeforeEach
  void buildJars() throws IOException {
    Path classes =
        compile(
            "lib/Greeting.java",
            "package lib; public final class Greeting {"
                + " public static String text() { return \"hello from lib\"; } }");
    Path dependency = directory.resolve("repository/greeting-1.0.jar");
    jar(dependency, classes, new Manifest());
    Files.setLastModifiedTime(dependency, FileTime.fromMillis(ENTRY_TIME));
    greeting = new ExecutableJar.Dependency(dependency, "com.example", "greeting", "1.0", null);

    Path app =
        compile(
            "app/Main.java",
            "package app; public final class Main {"
                + " public static void main(String[] args) { System.out.println(lib.Greeting.text()); } }",
            dependency);
    Files.writeString(app.resolve("app/notes.txt"), "a resource");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Created-By", "Maven JAR Plugin");
    jar = directory.resolve("target/app.jar");
    jar(jar, app, manifest);
  }

  @Test
  void runsWithJavaJarAndItsDependenciesInLib() throws Exception {
    List<String> classPath = ExecutableJar.make(jar, "app.Main", List.of(greeting));

    assertThat(classPath).containsExactly("lib/greeting-1.0.jar");
    assertThat(directory.resolve("target/lib/greeting-1.0.jar")).exists();
    assertThat(run(jar)).isEqualTo("hello from lib\n");
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo("app.Main");
      assertThat(main.getValue("Class-Path")).isEqualTo("lib/greeting-1.0.jar");
      assertThat(main.getValue("Created-By")).isEqualTo("Maven JAR Plugin");
    }
  }

  @Test
  void keepsEveryEntryInItsOrderWithItsTime() throws IOException {
    List<String> before = entries(jar);

    ExecutableJar.make(jar, "app.Main", List.of(greeting));

    assertThat(entries(jar)).isEqualTo(before);
  }

  @Test
  void leavesAJarThatIsExecutableAlreadyAsItIs() throws IOException {
    ExecutableJar.make(jar, "app.Main", List.of(greeting));
    byte[] first = Files.readAllBytes(jar);
    FileTime time = FileTime.fromMillis(ENTRY_TIME);
    Files.setLastModifiedTime(jar, time);
    Files.setLastModifiedTime(directory.resolve("target/lib/greeting-1.0.jar"), time);

    ExecutableJar.make(jar, "app.Main", List.of(greeting));

    assertThat(Files.readAllBytes(jar)).isEqualTo(first);
    // The class-data archive is checked against the jars' times: none changes.
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(time);
    assertThat(Files.getLastModifiedTime(directory.resolve("target/lib/greeting-1.0.jar")))
        .isEqualTo(time);
  }

  @Test
  void deletesJarsThatAreNoLongerDependencies() throws IOException {
    Files.createDirectories(directory.resolve("target/lib"));
    Files.writeString(directory.resolve("target/lib/greeting-0.9.jar"), "an older version");

    ExecutableJar.make(jar, "app.Main", List.of(greeting));

    try (Stream<Path> lib = Files.list(directory.resolve("target/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString())).containsExactly("greeting-1.0.jar");
    }
  }

  @Test
  void keepsTwoArtifactsOfTheSameNameEachUnderItsGroup() throws IOException {
    ExecutableJar.Dependency other =
        new ExecutableJar.Dependency(greeting.file(), "org.other", "greeting", "1.0", null);

    List<String> classPath = ExecutableJar.make(jar, "app.Main", List.of(greeting, other));

    assertThat(classPath)
        .containsExactly("lib/com.example-greeting-1.0.jar", "lib/org.other-greeting-1.0.jar");
  }

  @Test
  void refusesADependencyThatIsNotAJarNamingIt() {
    ExecutableJar.Dependency classes =
        new ExecutableJar.Dependency(
            directory.resolve("runtime/target/classes"), "dev.hookc", "hookc-runtime", "1", null);

    assertThatThrownBy(() -> ExecutableJar.make(jar, "app.Main", List.of(classes)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runtime/target/classes")
        .hasMessageContaining("dev.hookc:hookc-runtime");
  }

  private static String run(Path jar) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return output;
    } finally {
      process.destroyForcibly();
    }
  }

  /** Each entry's name and time, in the jar's order, without the manifest. */
  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> entries = new ArrayList<>();
      for (ZipEntry entry : Collections.list(file.entries())) {
        if (!entry.getName().startsWith("META-INF/")) {
          entries.add(entry.getName() + "@" + entry.getTime());
        }
      }
      return entries;
    }
  }

  private Path compile(String path, String source, Path... classpath) throws IOException {
    Path sources = Files.createTempDirectory(directory, "src");
    Path file = sources.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createTempDirectory(directory, "classes");
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
    if (classpath.length > 0) {
      arguments.addAll(List.of("-classpath", classpath[0].toString()));
    }
    arguments.add(file.toString());
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, arguments.toArray(String[]::new)))
        .isZero();
    return classes;
  }

  /** A jar of {@code classes} as a reproducible build writes it: one time on every entry. */
  private static void jar(Path jar, Path classes, Manifest manifest) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      ZipEntry metaInf = new ZipEntry("META-INF/");
      metaInf.setTime(ENTRY_TIME);
      out.putNextEntry(metaInf);
      out.closeEntry();
      ZipEntry manifestEntry = new ZipEntry(JarFile.MANIFEST_NAME);
      manifestEntry.setTime(ENTRY_TIME);
      out.putNextEntry(manifestEntry);
      manifest.write(out);
      out.closeEntry();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path path : files.sorted().toList()) {
          if (path.equals(classes)) {
            continue;
          }
          String name = classes.relativize(path).toString().replace('\\', '/');
          ZipEntry entry = new ZipEntry(Files.isDirectory(path) ? name + "/" : name);
          entry.setTime(ENTRY_TIME);
          out.putNextEntry(entry);
          if (Files.isRegularFile(path)) {
            Files.copy(path, out);
          }
          out.closeEntry();
        }
      }
    }
  }
}
