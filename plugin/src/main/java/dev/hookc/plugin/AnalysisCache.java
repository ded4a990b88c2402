package dev.hookc.plugin;

import dev.hookc.compiler.cache.DiagnosticCodes;
import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What the last successful generation learnt of each input file, kept next to its {@link
 * OutputManifest}: each event and workflow file's {@link FileFact}, and every diagnostic, by the
 * file it is located in, in the order it was reported. With it a build reads only the files a
 * change reaches and replays the other files' warnings.
 *
 * <p>A compact binary file: a magic number and format version, the settings' digest (the plugin's
 * version and jar among them), the digest of the manifest's inputs it belongs to, the entries, and
 * a CRC-32 of all of that. A file that is missing, truncated, corrupt, of another format, or names
 * a code this plugin does not know is ignored, never trusted: the build then reads every file.
 *
 * @param settings the digest of the plugin's version and parameters
 * @param inputs the digest of the input files and hashes it was made from ({@link #digest})
 * @param facts each event and workflow file's fact, and {@code http.yaml}'s, by file
 * @param diagnostics every diagnostic by the file it is located in, in order
 */
record AnalysisCache(
    String settings,
    String inputs,
    Map<String, FileFact> facts,
    Map<String, List<Diagnostic>> diagnostics) {
  /** The cache's name, next to the manifest. */
  static final String NAME = "analysis.cache";

  private static final int MAGIC = 0x686b6361; // "hkca"
  private static final int VERSION = 2;

  AnalysisCache {
    facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    Map<String, List<Diagnostic>> copy = new TreeMap<>();
    diagnostics.forEach((file, list) -> copy.put(file, List.copyOf(list)));
    diagnostics = Collections.unmodifiableMap(copy);
  }

  /** Every diagnostic of {@code all} by the file it is located in, each file's in their order. */
  static Map<String, List<Diagnostic>> byFile(List<Diagnostic> all) {
    Map<String, List<Diagnostic>> byFile = new TreeMap<>();
    for (Diagnostic diagnostic : all) {
      byFile.computeIfAbsent(diagnostic.location().file(), f -> new ArrayList<>()).add(diagnostic);
    }
    return byFile;
  }

  /** The digest of the input files and their hashes, as the manifest records them. */
  static String digest(Map<String, String> inputs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(inputs)
          .forEach(
              (file, hash) -> {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(hash.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
              });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The cache in {@code file}; empty when it is missing or cannot be trusted. */
  static Optional<AnalysisCache> read(Path file) {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (bytes.length < Long.BYTES || crc(bytes, bytes.length - Long.BYTES) != tail(bytes)) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return Optional.empty();
      }
      String settings = text(in);
      String inputs = text(in);
      Map<String, FileFact> facts = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        FileFact fact = fact(in);
        facts.put(fact.file(), fact);
      }
      Map<String, List<Diagnostic>> diagnostics = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String located = text(in);
        List<Diagnostic> list = new ArrayList<>();
        for (int j = in.readInt(); j > 0; j--) {
          Optional<Diagnostic> diagnostic = diagnostic(in, located);
          if (diagnostic.isEmpty()) {
            return Optional.empty();
          }
          list.add(diagnostic.get());
        }
        diagnostics.put(located, list);
      }
      if (in.available() != 0) {
        return Optional.empty();
      }
      return Optional.of(new AnalysisCache(settings, inputs, facts, diagnostics));
    } catch (IOException | RuntimeException e) {
      // Anything unexpected in a file that passed its checksum (written by another format whose
      // magic and version collide, say) is a cache to ignore, not a build to fail.
      return Optional.empty();
    }
  }

  /** Writes the cache to {@code file}, whole or not at all. */
  void write(Path file) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      text(out, settings);
      text(out, inputs);
      out.writeInt(facts.size());
      for (FileFact fact : facts.values()) {
        fact(out, fact);
      }
      out.writeInt(diagnostics.size());
      for (Map.Entry<String, List<Diagnostic>> entry : diagnostics.entrySet()) {
        text(out, entry.getKey());
        out.writeInt(entry.getValue().size());
        for (Diagnostic diagnostic : entry.getValue()) {
          diagnostic(out, diagnostic);
        }
      }
      out.writeLong(crc(buffer.toByteArray(), buffer.size()));
    }
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, buffer.toByteArray());
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileFact fact(DataInputStream in) throws IOException {
    String file = text(in);
    FileFact.Kind kind = FileFact.Kind.valueOf(text(in));
    Optional<String> workflowId = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
    List<String> references = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      references.add(text(in));
    }
    String summary = text(in);
    List<String> routes = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      routes.add(text(in));
    }
    return new FileFact(file, kind, workflowId, references, summary, routes);
  }

  private static void fact(DataOutputStream out, FileFact fact) throws IOException {
    text(out, fact.file());
    text(out, fact.kind().name());
    out.writeBoolean(fact.workflowId().isPresent());
    if (fact.workflowId().isPresent()) {
      text(out, fact.workflowId().get());
    }
    out.writeInt(fact.references().size());
    for (String reference : fact.references()) {
      text(out, reference);
    }
    text(out, fact.summary());
    out.writeInt(fact.routes().size());
    for (String route : fact.routes()) {
      text(out, route);
    }
  }

  /** A diagnostic located in {@code file}; empty when its code is unknown to this plugin. */
  private static Optional<Diagnostic> diagnostic(DataInputStream in, String file)
      throws IOException {
    Severity severity = Severity.valueOf(text(in));
    Optional<DiagnosticCode> code = DiagnosticCodes.byId(text(in));
    Location location = new Location(file, in.readInt(), in.readInt());
    String message = text(in);
    Optional<String> hint = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
    return code.map(c -> new Diagnostic(severity, c, location, message, hint));
  }

  private static void diagnostic(DataOutputStream out, Diagnostic diagnostic) throws IOException {
    text(out, diagnostic.severity().name());
    text(out, diagnostic.code().id());
    out.writeInt(diagnostic.location().line());
    out.writeInt(diagnostic.location().column());
    text(out, diagnostic.message());
    out.writeBoolean(diagnostic.hint().isPresent());
    if (diagnostic.hint().isPresent()) {
      text(out, diagnostic.hint().get());
    }
  }

  /** A string of any length (writeUTF stops at 64 KiB). */
  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  private static long tail(byte[] bytes) {
    long value = 0;
    for (int i = bytes.length - Long.BYTES; i < bytes.length; i++) {
      value = value << 8 | (bytes[i] & 0xff);
    }
    return value;
  }
}
