package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A SHA-256 digest of everything generation reads: settings, the content hash of every input file
 * (from {@link FileHashes}, which reads only files that look changed), and the names of files whose
 * mere existence matters. Two fingerprints are equal only if generation would see the same inputs.
 *
 * <p>Every entry is framed with its kind and length, so that moving bytes from one entry to the
 * next (a setting's value into a file name, say) changes the digest.
 */
final class InputFingerprint {

  private final MessageDigest digest;
  private final FileHashes hashes;

  InputFingerprint(FileHashes hashes) {
    this.hashes = hashes;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The fingerprint of everything generation for {@code request} reads, with {@code settings} (the
   * plugin's version and parameters that are not part of the request).
   *
   * <p>Besides the request's directories, {@code src/eventsources} and {@code src/config} count,
   * and of the Java functions only which files exist: that decides between calling a function and
   * reporting it missing, while their bodies are javac's business.
   */
  static String of(CompileRequest request, Map<String, String> settings) throws IOException {
    return of(request, settings, FileHashes.none());
  }

  /**
   * As {@link #of(CompileRequest, Map)}, taking file content hashes from {@code hashes}, which
   * afterwards holds those of the current files.
   */
  static String of(CompileRequest request, Map<String, String> settings, FileHashes hashes)
      throws IOException {
    InputFingerprint fingerprint = new InputFingerprint(hashes);
    new TreeMap<>(settings).forEach(fingerprint::setting);
    Path base = request.projectDirectory();
    Path functionSources =
        request
            .javaSourceDirectory()
            .resolve(request.packageName().replace('.', '/'))
            .resolve("functions");
    return fingerprint
        .setting("packageName", request.packageName())
        .setting("outputDirectory", request.outputDirectory().toAbsolutePath().toString())
        // Paths relative to the project appear in generated Javadoc and in diagnostics.
        .setting("projectDirectory", absolute(base))
        .setting("eventsDirectory", absolute(request.eventsDirectory()))
        .setting("functionsDirectory", absolute(request.functionsDirectory()))
        .setting("definitionsDirectory", absolute(request.definitionsDirectory()))
        .setting("javaSourceDirectory", absolute(request.javaSourceDirectory()))
        .contents("events", request.eventsDirectory())
        .contents("functions", request.functionsDirectory())
        .contents("definitions", request.definitionsDirectory())
        .contents("eventsources", base.resolve("src/eventsources"))
        .contents("config", base.resolve("src/config"))
        .names("javaFunctions", functionSources, ".java")
        .hex();
  }

  /** Adds a named setting; null is recorded as absent, distinct from every string. */
  InputFingerprint setting(String name, String value) {
    entry('s', name);
    entry(value == null ? '0' : 'v', value == null ? "" : value);
    return this;
  }

  /**
   * Adds every regular file under {@code directory}, by path relative to it and by content hash; a
   * missing directory is recorded as such, so creating it changes the fingerprint.
   */
  InputFingerprint contents(String label, Path directory) throws IOException {
    entry('d', label);
    Map<Path, BasicFileAttributes> files = new TreeMap<>();
    if (Files.isDirectory(directory)) {
      // One walk that also yields size and time, instead of a stat per file afterwards.
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                files.put(file, attributes);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    }
    // Sorted (the TreeMap) so that the order the file system lists them in does not matter.
    for (Map.Entry<Path, BasicFileAttributes> file : files.entrySet()) {
      entry('f', relative(directory, file.getKey()));
      entry('c', hashes.hash(file.getKey(), file.getValue()));
    }
    return this;
  }

  /**
   * Adds the names of the files under {@code directory} that end with {@code suffix}, not their
   * content: for inputs where only whether a file exists changes what is generated.
   */
  InputFingerprint names(String label, Path directory, String suffix) throws IOException {
    entry('n', label);
    for (Path file : files(directory, suffix)) {
      entry('f', relative(directory, file));
    }
    return this;
  }

  /** The digest in lower-case hex. */
  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      // Sorted so that the order the file system lists them in does not matter.
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static String relative(Path directory, Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }

  private void entry(char kind, String text) {
    entry(kind, text.getBytes(StandardCharsets.UTF_8));
  }

  private void entry(char kind, byte[] bytes) {
    digest.update((byte) kind);
    long length = bytes.length;
    for (int shift = 56; shift >= 0; shift -= 8) {
      digest.update((byte) (length >>> shift));
    }
    digest.update(bytes);
  }
}
