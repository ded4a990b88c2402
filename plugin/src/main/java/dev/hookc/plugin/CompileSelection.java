package dev.hookc.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Decides which Java sources a rebuild compiles: the changed ones and every source whose classes
 * depend on theirs, directly or through others, as the class files in the classes directory record
 * it ({@link ClassFileFacts}). Everything else stays compiled, and the compiler reads it from the
 * classes directory.
 *
 * <p>Following dependencies to the end is what makes it safe: a change to a contract recompiles the
 * Java function that implements it, and a change to a class recompiles those that call its
 * inherited methods through a subclass. Whatever the class files cannot tell means compiling
 * everything: a changed class that shares constants (javac copies their values, leaving no
 * reference), a class whose source is unknown, a class file that cannot be read.
 */
final class CompileSelection {

  /**
   * What to compile.
   *
   * @param everything whether every source is compiled, against the dependencies alone
   * @param sources the sources to compile, by path below their root
   * @param hidden the classes the compiler must not read from the classes directory: those of the
   *     sources it compiles and of deleted sources, by internal name
   * @param replaced the class files, below the classes directory, that the compilation replaces:
   *     they are deleted unless compiled again
   */
  record Plan(boolean everything, Set<String> sources, Set<String> hidden, Set<String> replaced) {
    Plan {
      sources = Set.copyOf(sources);
      hidden = Set.copyOf(hidden);
      replaced = Set.copyOf(replaced);
    }
  }

  private record Stamp(long size, FileTime modified) {}

  private record Indexed(Stamp stamp, ClassFileFacts facts) {}

  private final Path classesDirectory;

  /** Class files by path below the classes directory, read again only when they change. */
  private final Map<String, Indexed> index = new HashMap<>();

  CompileSelection(Path classesDirectory) {
    this.classesDirectory = classesDirectory;
  }

  /**
   * The plan for {@code changed} and {@code deleted} sources (paths below their roots) among the
   * project's current {@code sources}.
   */
  Plan plan(Set<String> sources, Set<String> changed, Set<String> deleted) {
    Map<String, ClassFileFacts> classes;
    try {
      classes = classes();
    } catch (IOException e) {
      return everything(sources, deleted, Map.of());
    }
    Map<String, Set<String>> dependents = new HashMap<>();
    Map<String, ClassFileFacts> byName = new HashMap<>();
    classes.values().forEach(facts -> byName.put(facts.name(), facts));
    for (ClassFileFacts facts : classes.values()) {
      for (String reference : facts.references()) {
        if (byName.containsKey(reference)) {
          dependents.computeIfAbsent(reference, r -> new HashSet<>()).add(facts.name());
        }
      }
    }
    Set<String> touched = new HashSet<>(changed);
    touched.addAll(deleted);
    Deque<String> work = new ArrayDeque<>();
    Set<String> affected = new HashSet<>();
    for (ClassFileFacts facts : classes.values()) {
      if (touched.contains(facts.sourceFile())) {
        if (facts.sharesConstants()) {
          return everything(sources, deleted, classes);
        }
        affected.add(facts.name());
        work.add(facts.name());
      }
    }
    while (!work.isEmpty()) {
      for (String dependent : dependents.getOrDefault(work.pop(), Set.of())) {
        if (affected.add(dependent)) {
          work.add(dependent);
        }
      }
    }
    Set<String> compile = new TreeSet<>();
    for (String source : changed) {
      if (sources.contains(source)) {
        compile.add(source);
      }
    }
    // Sources without a class yet: new ones, and any the last build did not compile.
    Set<String> compiled = new HashSet<>();
    classes.values().forEach(facts -> compiled.add(facts.sourceFile()));
    for (String source : sources) {
      if (!compiled.contains(source)) {
        compile.add(source);
      }
    }
    for (String name : affected) {
      String source = byName.get(name).sourceFile();
      if (source == null || (!sources.contains(source) && !deleted.contains(source))) {
        // A class of a source this rebuild does not know: only compiling everything is safe.
        return everything(sources, deleted, classes);
      }
      if (sources.contains(source)) {
        compile.add(source);
      }
    }
    if (compile.size() == sources.size()) {
      return everything(sources, deleted, classes);
    }
    Set<String> hidden = new HashSet<>();
    Set<String> replaced = new HashSet<>();
    for (Map.Entry<String, ClassFileFacts> entry : classes.entrySet()) {
      String source = entry.getValue().sourceFile();
      if (compile.contains(source) || deleted.contains(source)) {
        hidden.add(entry.getValue().name());
        replaced.add(entry.getKey());
      }
    }
    return new Plan(false, compile, hidden, replaced);
  }

  /** Every source compiled; every class file of a current or deleted source replaced. */
  private static Plan everything(
      Set<String> sources, Set<String> deleted, Map<String, ClassFileFacts> classes) {
    Set<String> replaced = new HashSet<>();
    classes.forEach(
        (file, facts) -> {
          if (sources.contains(facts.sourceFile()) || deleted.contains(facts.sourceFile())) {
            replaced.add(file);
          }
        });
    return new Plan(true, sources, Set.of(), replaced);
  }

  /** Every class file in the classes directory, by its path below it. */
  private Map<String, ClassFileFacts> classes() throws IOException {
    Map<String, ClassFileFacts> classes = new HashMap<>();
    if (!Files.isDirectory(classesDirectory)) {
      return classes;
    }
    Set<String> seen = new HashSet<>();
    try (Stream<Path> walk = Files.walk(classesDirectory)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        if (!file.toString().endsWith(".class")) {
          continue;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
          continue;
        }
        String relative = classesDirectory.relativize(file).toString().replace('\\', '/');
        Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime());
        Indexed known = index.get(relative);
        if (known == null || !known.stamp().equals(stamp)) {
          known = new Indexed(stamp, ClassFileFacts.read(file));
          index.put(relative, known);
        }
        seen.add(relative);
        classes.put(relative, known.facts());
      }
    }
    index.keySet().retainAll(seen);
    return classes;
  }
}
