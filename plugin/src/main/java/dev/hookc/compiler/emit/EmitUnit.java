package dev.hookc.compiler.emit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A part of the generated code that is emitted as a whole, with the input files its content depends
 * on: an event's classes, a workflow's, a Java function's contract, or a project-wide class.
 * Emitting is deferred to {@link #emit}, so that a build whose inputs changed little emits only the
 * units those inputs reach; emitters are pure, so a unit emits the same files alone as in a whole
 * project.
 */
public final class EmitUnit {
  /** The origin of a unit that depends on every input: any change regenerates it. */
  public static final String EVERY_INPUT = "*";

  private final String key;
  private final Set<String> origins;
  private final Optional<String> owner;
  private final Supplier<List<GeneratedSource>> sources;

  EmitUnit(String key, Set<String> origins, Supplier<List<GeneratedSource>> sources) {
    this(key, origins, Optional.empty(), sources);
  }

  EmitUnit(
      String key,
      Set<String> origins,
      Optional<String> owner,
      Supplier<List<GeneratedSource>> sources) {
    this.key = Objects.requireNonNull(key, "key");
    this.origins = Set.copyOf(origins);
    this.owner = Objects.requireNonNull(owner, "owner");
    this.sources = sources;
  }

  /** What names this unit from one build to the next, such as {@code workflow handleCallback}. */
  public String key() {
    return key;
  }

  /** The project-relative files its content depends on, or {@link #EVERY_INPUT}. */
  public Set<String> origins() {
    return origins;
  }

  /**
   * The YAML file that declares what this unit generates (an event's or a workflow's file); empty
   * for a Java function's contract and the project-wide classes.
   */
  public Optional<String> owner() {
    return owner;
  }

  /** Whether a change of {@code file} can change this unit's files. */
  public boolean dependsOn(String file) {
    return origins.contains(EVERY_INPUT) || origins.contains(file);
  }

  /** Its files, generated now. */
  public List<GeneratedSource> emit() {
    return sources.get();
  }
}
