package dev.hookc.compiler.load;

import dev.hookc.compiler.datasource.DatasourceReader;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.kafka.EventSourceReader;
import dev.hookc.compiler.kafka.PublishCode;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.HttpDefaults;
import dev.hookc.compiler.model.JavaSources;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.provider.ProviderSchemas;
import dev.hookc.compiler.yaml.YamlCode;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds every YAML file of a project, reads it with positions and builds the {@link Project}. Every
 * file is read even when earlier ones have errors.
 */
public final class ProjectLoader {
  private final Path projectDirectory;
  private final Diagnostics diagnostics;
  private final YamlReader yaml;

  public ProjectLoader(Path projectDirectory, Diagnostics diagnostics) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
    this.yaml = new YamlReader(diagnostics);
  }

  /**
   * Loads the events, workflows, shared definitions and configuration below the given directories,
   * {@code src/eventsources/http.yaml} next to the events, and the sources of the Java functions
   * when their package is given.
   */
  public Project load(
      Path eventsDirectory,
      Path functionsDirectory,
      Path definitionsDirectory,
      Path configDirectory,
      Optional<JavaFunctionPackage> javaFunctions) {
    return load(
        eventsDirectory,
        functionsDirectory,
        definitionsDirectory,
        configDirectory,
        javaFunctions,
        f -> true);
  }

  /**
   * Loads like {@link #load(Path, Path, Path, Path, Optional)}, but only the event and workflow
   * files whose project-relative path {@code include} accepts; {@code http.yaml}, the shared
   * definitions, the configuration and the Java functions' sources are always read. A build that
   * knows what a change reaches reads no other file.
   */
  public Project load(
      Path eventsDirectory,
      Path functionsDirectory,
      Path definitionsDirectory,
      Path configDirectory,
      Optional<JavaFunctionPackage> javaFunctions,
      Predicate<String> include) {
    // Events take their defaults from http.yaml and may name shared definitions: both come first.
    HttpDefaults http = new HttpSourceReader(projectDirectory, diagnostics).read(eventsDirectory);
    Map<String, YamlNode> definitions = new LinkedHashMap<>();
    for (Path file : yamlFiles(definitionsDirectory)) {
      read(file)
          .ifPresent(
              root -> root.entries().forEach(e -> definitions.put(e.key().value(), e.value())));
    }
    // Before the events: a Kafka event's key names one of them.
    Map<String, KafkaSource> kafkaSources =
        new EventSourceReader(projectDirectory, diagnostics)
            .read(eventsDirectory.resolveSibling("eventsources"), this::read);
    List<Event> events = new ArrayList<>();
    ProviderSchemas providers =
        new ProviderSchemas(projectDirectory.resolve("src"), this::read, diagnostics);
    EventReader eventReader =
        new EventReader(diagnostics, http, definitions, providers, kafkaSources.keySet());
    for (Path file : yamlFiles(eventsDirectory)) {
      if (!include.test(relative(file))) {
        continue;
      }
      read(file).ifPresent(root -> events.addAll(eventReader.read(root)));
    }
    List<Workflow> workflows = new ArrayList<>();
    WorkflowReader workflowReader = new WorkflowReader(diagnostics);
    java.util.Set<String> unreadable = new java.util.TreeSet<>();
    for (Path file : yamlFiles(functionsDirectory)) {
      if (!include.test(relative(file))) {
        continue;
      }
      String id = workflowId(functionsDirectory, file);
      read(file)
          .flatMap(root -> workflowReader.read(id, relative(file), root))
          .ifPresentOrElse(workflows::add, () -> unreadable.add(id));
    }
    JavaSources java = JavaSources.NONE;
    if (javaFunctions.isPresent()) {
      List<Path> files = JavaFiles.below(javaFunctions.get().directory());
      if (!files.isEmpty()) {
        java =
            new JavaFunctionReader(projectDirectory, diagnostics)
                .read(files, javaFunctions.get().packageName());
      }
    }
    // Always read whole, like http.yaml: any change to them reaches every file.
    DatasourceReader datasourceReader = new DatasourceReader(projectDirectory, diagnostics);
    Map<String, Datasource> datasources =
        datasourceReader.read(projectDirectory.resolve("src/datasources"), this::read);
    Map<String, KafkaSource> kafkaDatasources = datasourceReader.kafka();
    for (KafkaSource twice : kafkaDatasources.values()) {
      KafkaSource first = kafkaSources.get(twice.name());
      if (first != null) {
        diagnostics.report(
            PublishCode.DECLARED_TWICE,
            twice.location(),
            "Kafka settings '"
                + twice.name()
                + "' are declared twice: in "
                + first.file()
                + " and in "
                + twice.file(),
            "keep one of them: a publish task names either by its name");
      }
    }
    return new Project(
        events,
        workflows,
        definitions,
        unreadable,
        http,
        loadConfig(configDirectory),
        java,
        datasources,
        kafkaSources,
        kafkaDatasources);
  }

  /** Where a project's Java functions are: a package and its directory of sources. */
  public record JavaFunctionPackage(Path directory, String packageName) {}

  /**
   * Reads {@code default.yaml}, the environment files and {@code custom-environment-variables.yaml}
   * of a project's config directory.
   */
  private ConfigFiles loadConfig(Path configDirectory) {
    Optional<YamlMapping> defaults = Optional.empty();
    Optional<YamlMapping> variables = Optional.empty();
    Map<String, YamlMapping> environments = new LinkedHashMap<>();
    for (Path file : yamlFiles(configDirectory)) {
      if (!file.getParent().equals(configDirectory)) {
        continue;
      }
      String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      Optional<YamlMapping> root = read(file);
      if (name.equals("default")) {
        defaults = root;
      } else if (name.equals(ConfigFiles.VARIABLES)) {
        variables = root;
      } else {
        root.ifPresent(r -> environments.put(name, r));
      }
    }
    return new ConfigFiles(defaults, environments, variables);
  }

  /** The id a workflow file gives: its path below the functions directory, dotted. */
  static String workflowId(Path functionsDirectory, Path file) {
    String relative = functionsDirectory.relativize(file).toString().replace('\\', '/');
    String withoutExtension = relative.replaceFirst("\\.ya?ml$", "");
    String id = withoutExtension.replace('/', '.');
    return id.endsWith(".index") ? id.substring(0, id.length() - ".index".length()) : id;
  }

  private Optional<YamlMapping> read(Path file) {
    String relative = relative(file);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return yaml.read(relative, text.replace("\r\n", "\n"));
    } catch (CharacterCodingException e) {
      diagnostics.report(YamlCode.UNREADABLE, Location.startOf(relative), "the file is not UTF-8");
    } catch (IOException e) {
      diagnostics.report(
          YamlCode.UNREADABLE,
          Location.startOf(relative),
          "cannot read the file: " + e.getMessage());
    }
    return Optional.empty();
  }

  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static List<Path> yamlFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    // The walk's own attributes, and each sort key made once: a thousand events are walked on
    // every build, also when only the few files a change reaches are read.
    try (Stream<Path> files =
        Files.find(
            directory,
            Integer.MAX_VALUE,
            (p, attributes) -> {
              String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
              boolean file =
                  attributes.isRegularFile()
                      || (attributes.isSymbolicLink() && Files.isRegularFile(p));
              return file && (name.endsWith(".yaml") || name.endsWith(".yml"));
            })) {
      Map<String, Path> sorted = new TreeMap<>();
      files.forEach(p -> sorted.put(p.toString().replace('\\', '/'), p));
      return List.copyOf(sorted.values());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
