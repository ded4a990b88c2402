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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Everything generation reads, found by one walk of the input directories: settings, every input
 * file with its size and modification time, and the names of files whose mere existence matters.
 *
 * <p>It gives two digests. The {@link #fingerprint}, a SHA-256, covers the files' content (hashes
 * from {@link FileHashes}, which reads only files that look changed): two fingerprints are equal
 * only if generation would see the same inputs. The {@link #stamp} covers only names, sizes and
 * times; it reads no file, so an unchanged project is recognised without reading the remembered
 * hashes. The stamp is a 64-bit pair of checksums (CRC-32 and Adler-32) rather than a SHA-256: it
 * only has to notice accidental change, and on a skipped build the JVM is cold, where setting up
 * the platform's message digests cost a quarter of the whole check. A stamp that matched by chance
 * would skip a needed generation, which takes a change both checksums miss at once; whenever the
 * stamps differ, the content fingerprint decides.
 *
 * <p>Every digest entry is framed with its kind and length, so that moving bytes from one entry to
 * the next (a setting's value into a file name, say) changes the digest.
 */
final class InputFingerprint {
  /** The hash of a file whose existence alone counts, such as a Java function's. */
  static final String PRESENT = "present";

  private record Input(char kind, String label, Path directory, List<Scanned> files) {}

  private record Scanned(Path file, String relative, BasicFileAttributes attributes)
      implements Comparable<Scanned> {
    @Override
    public int compareTo(Scanned other) {
      return file.compareTo(other.file);
    }
  }

  private final Map<String, String> settings = new TreeMap<>();
  private final List<Input> inputs = new ArrayList<>();
  private final Map<String, String> files = new TreeMap<>();
  private Path base;

  private InputFingerprint() {}

  /**
   * Walks everything generation for {@code request} reads, with {@code settings} (the plugin's
   * version and parameters that are not part of the request).
   *
   * <p>Besides the request's directories, {@code src/eventsources}, {@code src/openapi} and {@code
   * src/config} count, and the Java functions' sources: which exist decides between calling a
   * function and reporting it missing, and their content gives each function's result type and
   * constructor.
   */
  static InputFingerprint scan(CompileRequest request, Map<String, String> settings)
      throws IOException {
    InputFingerprint scan = new InputFingerprint();
    scan.settings.putAll(settings);
    Path base = request.projectDirectory();
    scan.base = base.toAbsolutePath().normalize();
    scan.settings.put("packageName", request.packageName());
    // The OpenAPI document's title and version, unless http.yaml gives them.
    scan.settings.put("projectName", request.project().name());
    scan.settings.put("projectVersion", request.project().version());
    scan.settings.put("outputDirectory", absolute(request.outputDirectory()));
    // Paths relative to the project appear in generated Javadoc and in diagnostics.
    scan.settings.put("projectDirectory", absolute(base));
    scan.settings.put("eventsDirectory", absolute(request.eventsDirectory()));
    scan.settings.put("functionsDirectory", absolute(request.functionsDirectory()));
    scan.settings.put("definitionsDirectory", absolute(request.definitionsDirectory()));
    scan.settings.put("javaSourceDirectory", absolute(request.javaSourceDirectory()));
    Path functionSources =
        request
            .javaSourceDirectory()
            .resolve(request.packageName().replace('.', '/'))
            .resolve("functions");
    return scan.contents("events", request.eventsDirectory())
        .contents("functions", request.functionsDirectory())
        .contents("definitions", request.definitionsDirectory())
        .contents("eventsources", base.resolve("src/eventsources"))
        .contents("datasources", base.resolve("src/datasources"))
        // OpenAPI documents that body schemas name: a change reaches every event that names one.
        .contents("openapi", base.resolve("src/openapi"))
        .contents("config", base.resolve("src/config"))
        // The compiler reads the configuration from config/ next to src/.
        .contents("configuration", base.resolve("config"))
        .contents("javaFunctions", functionSources, ".java");
  }

  /** The content fingerprint, reading every file: for callers without remembered hashes. */
  static String of(CompileRequest request, Map<String, String> settings) throws IOException {
    return scan(request, settings).fingerprint(FileHashes.none());
  }

  /** The content fingerprint, taking unchanged files' hashes from {@code hashes}. */
  static String of(CompileRequest request, Map<String, String> settings, FileHashes hashes)
      throws IOException {
    return scan(request, settings).fingerprint(hashes);
  }

  /**
   * The digest of settings and file contents; {@code hashes} supplies each file's content hash and
   * afterwards holds those of the current files.
   */
  String fingerprint(FileHashes hashes) throws IOException {
    Digest digest = Digest.sha256();
    settings.forEach(digest::setting);
    for (Input input : inputs) {
      digest.entry(input.kind(), input.label());
      // The directory's path once, rather than each file's made relative to the project.
      String directory = projectRelative(input.directory());
      for (Scanned file : input.files()) {
        digest.entry('f', file.relative());
        String hash = PRESENT;
        if (input.kind() == 'd') {
          hash = hashes.hash(file.file(), file.attributes());
          digest.entry('c', hash);
        }
        files.put(directory.isEmpty() ? file.relative() : directory + "/" + file.relative(), hash);
      }
    }
    return digest.hex();
  }

  /**
   * Every input file by its path as the compiler names it (relative to the project when inside it),
   * with its content hash, or {@link #PRESENT} for a file whose existence alone counts; filled by
   * {@link #fingerprint}.
   */
  Map<String, String> files() {
    return Collections.unmodifiableMap(new TreeMap<>(files));
  }

  private String projectRelative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /**
   * Every directory generation reads, whether it exists or not: what {@code hookc:run} watches
   * besides the Java sources.
   */
  List<Path> directories() {
    return inputs.stream().map(Input::directory).distinct().toList();
  }

  /** The digest of the settings alone: a build with other settings generates everything. */
  String settingsDigest() {
    Digest digest = Digest.sha256();
    settings.forEach(digest::setting);
    return digest.hex();
  }

  /** The digest of settings and every file's name, size and modification time; reads no file. */
  String stamp() {
    Digest digest = Digest.checksums();
    settings.forEach(digest::setting);
    for (Input input : inputs) {
      digest.entry(input.kind(), input.label());
      for (Scanned file : input.files()) {
        digest.entry('f', file.relative());
        if (input.kind() == 'd') {
          BasicFileAttributes attributes = file.attributes();
          digest.entry(
              't', attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
      }
    }
    return digest.hex();
  }

  /**
   * Whether some input file whose content counts was modified at or after {@code nanos} since the
   * epoch: its stamp cannot tell a later change in the same clock tick.
   */
  boolean modifiedSince(long nanos) {
    for (Input input : inputs) {
      for (Scanned file : input.kind() == 'd' ? input.files() : List.<Scanned>of()) {
        if (file.attributes().lastModifiedTime().to(TimeUnit.NANOSECONDS) >= nanos) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every regular file under {@code directory}; a missing directory has none. */
  private InputFingerprint contents(String label, Path directory) throws IOException {
    return contents(label, directory, "");
  }

  /** The regular files under {@code directory} ending with {@code suffix}, by content. */
  private InputFingerprint contents(String label, Path directory, String suffix)
      throws IOException {
    inputs.add(new Input('d', label, directory, walk(directory, suffix)));
    return this;
  }

  private static List<Scanned> walk(Path directory, String suffix) throws IOException {
    List<Scanned> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    // One walk that also yields size and time, instead of a stat per file afterwards.
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && file.getFileName().toString().endsWith(suffix)) {
              files.add(new Scanned(file, relative(directory, file), attributes));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    // Sorted so that the order the file system lists them in does not matter.
    Collections.sort(files);
    return files;
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static String relative(Path directory, Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }

  /** A digest over framed entries: a SHA-256, or a pair of checksums. */
  private static final class Digest {
    private final Consumer<byte[]> update;
    private final Supplier<byte[]> result;
    private final byte[] header = new byte[9];

    private Digest(Consumer<byte[]> update, Supplier<byte[]> result) {
      this.update = update;
      this.result = result;
    }

    static Digest sha256() {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return new Digest(digest::update, digest::digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    /** CRC-32 and Adler-32, each computed natively even before the JIT compiles anything. */
    static Digest checksums() {
      CRC32 crc = new CRC32();
      Adler32 adler = new Adler32();
      return new Digest(
          bytes -> {
            crc.update(bytes);
            adler.update(bytes);
          },
          () -> {
            byte[] both = new byte[8];
            long value = crc.getValue() << 32 | adler.getValue();
            for (int i = 0; i < 8; i++) {
              both[i] = (byte) (value >>> (56 - 8 * i));
            }
            return both;
          });
    }

    /** Adds a named setting; null is recorded as absent, distinct from every string. */
    void setting(String name, String value) {
      entry('s', name);
      entry(value == null ? '0' : 'v', value == null ? "" : value);
    }

    /** Adds two numbers, without formatting them: this runs for every file, mostly cold. */
    void entry(char kind, long first, long second) {
      byte[] bytes = new byte[16];
      for (int i = 0; i < 8; i++) {
        bytes[i] = (byte) (first >>> (56 - 8 * i));
        bytes[8 + i] = (byte) (second >>> (56 - 8 * i));
      }
      entry(kind, bytes);
    }

    void entry(char kind, String text) {
      entry(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    void entry(char kind, byte[] bytes) {
      // One update for the kind and length: on a skipped build this runs for every input file,
      // mostly before the JIT has compiled it.
      long length = bytes.length;
      header[0] = (byte) kind;
      for (int i = 0; i < 8; i++) {
        header[1 + i] = (byte) (length >>> (56 - 8 * i));
      }
      update.accept(header);
      update.accept(bytes);
    }

    String hex() {
      return HexFormat.of().formatHex(result.get());
    }
  }
}
