package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.plugin.GenerationResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis cache that cannot be trusted — corrupt, truncated, of another format, naming a code
 * this plugin does not know, or left by other inputs — is ignored: the build reads every file, and
 * its output and diagnostics are a clean build's.
 */
@Timeout(30)
class HostileAnalysisCacheTest {
  @TempDir Path project;

  private Path output;
  private Path state;
  private Path cache;

  @BeforeEach
  void writeProject() throws IOException {
    output = project.resolve("target/generated-sources/hookc");
    state = project.resolve("target/hookc/inputs.sha256");
    cache = state.resolveSibling(AnalysisCache.NAME);
    write("src/events/a.yaml", event("a", 10));
    write("src/events/b.yaml", event("b", 10));
    write("src/functions/handleA.yaml", workflow());
    // A task after a return: a warning (HC3616) that the cache remembers.
    write(
        "src/functions/handleB.yaml",
        "tasks:\n  - id: early\n    fn: com.gs.return\n    args: 1\n"
            + "  - id: answer\n    fn: com.gs.return\n    args: <% inputs.body %>\n");
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(cache).exists();
  }

  @Test
  void aCacheWithAFlippedByteIsIgnored() throws IOException {
    byte[] bytes = Files.readAllBytes(cache);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(cache, bytes);

    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void aTruncatedCacheIsIgnored() throws IOException {
    byte[] bytes = Files.readAllBytes(cache);
    Files.write(cache, Arrays.copyOf(bytes, bytes.length - 20));

    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void anEmptyOrForeignCacheIsIgnored() throws IOException {
    Files.write(cache, new byte[0]);
    assertReadsEveryFileAndEqualsClean();

    Files.writeString(cache, "hookc-manifest 1\nsettings x\n");
    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void aCacheOfAnotherFormatVersionIsIgnoredEvenWithAValidChecksum() throws IOException {
    byte[] bytes = Files.readAllBytes(cache);
    // The version follows the magic number; the checksum is made right again.
    bytes[7] = 99;
    Files.write(cache, withChecksum(bytes));

    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void aCacheNamingAnUnknownCodeIsIgnored() throws IOException {
    byte[] bytes = Files.readAllBytes(cache);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("HC3616");
    assertThat(at).isPositive();
    bytes[at + 2] = '0';
    Files.write(cache, withChecksum(bytes));

    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void aCacheLeftByOtherInputsIsIgnored() throws IOException {
    byte[] old = Files.readAllBytes(cache);
    bump("src/events/b.yaml");
    assertThat(generate().read()).isPositive();
    // The manifest now describes b.yaml at 12; the restored cache still describes it at 10.
    Files.write(cache, old);

    assertReadsEveryFileAndEqualsClean();
  }

  @Test
  void aCacheOfAnotherPluginBuildIsIgnored() throws IOException {
    bump("src/events/a.yaml");

    GenerationResult result = generate("test-rebuilt");

    assertThat(result.read()).isEqualTo(-1);
    assertThat(result.regenerated()).isEqualTo(-1);
  }

  /** Edits a.yaml, regenerates, and checks that every file was read and the result is clean's. */
  private void assertReadsEveryFileAndEqualsClean() throws IOException {
    bump("src/events/a.yaml");
    GenerationResult result = generate();
    assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(result.read()).isEqualTo(-1);
    assertThat(result.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location())
        .containsExactly("HC3616 src/functions/handleB.yaml:5:5");
    Map<String, String> partial = tree();
    delete(project.resolve("target"));
    GenerationResult clean = generate();
    assertThat(tree()).isEqualTo(partial);
    assertThat(result.diagnostics()).isEqualTo(clean.diagnostics());
    // What that build wrote is a cache to trust again.
    bump("src/events/b.yaml");
    assertThat(generate().read()).isPositive();
  }

  /** Raises the {@code maxLength} of an event's note by one. */
  private void bump(String path) throws IOException {
    Path file = project.resolve(path);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("maxLength: (\\d+)").matcher(Files.readString(file));
    assertThat(m.find()).isTrue();
    Files.writeString(file, m.replaceFirst("maxLength: " + (Integer.parseInt(m.group(1)) + 1)));
  }

  /** {@code bytes} with its last eight bytes replaced by the CRC-32 of the rest. */
  private static byte[] withChecksum(byte[] bytes) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - Long.BYTES);
    long value = crc.getValue();
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[bytes.length - Long.BYTES + i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  private static String event(String name, int maxLength) {
    return "http.post./"
        + name
        + ":\n  fn: handle"
        + Character.toUpperCase(name.charAt(0))
        + "\n  body:\n    content:\n      application/json:\n        schema:\n"
        + "          type: object\n          properties:\n            note:\n"
        + "              type: string\n              maxLength: "
        + maxLength
        + "\n";
  }

  private static String workflow() {
    return "tasks:\n  - id: answer\n    fn: com.gs.return\n    args: <% inputs.body %>\n";
  }

  private GenerationResult generate() throws IOException {
    return generate("test");
  }

  private GenerationResult generate(String pluginJar) throws IOException {
    CompileRequest compile =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            output,
            "dev.hookc.test.hostile");
    return new SourceGenerator()
        .generate(new GenerationRequest(compile, state, false, "1.0-test", pluginJar));
  }

  private Map<String, String> tree() throws IOException {
    return SourceTrees.read(output);
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
