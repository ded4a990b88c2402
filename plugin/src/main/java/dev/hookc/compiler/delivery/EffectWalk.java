package dev.hookc.compiler.delivery;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Follows one at-least-once route through its workflow and the workflows its tasks call, finding
 * the tasks with an effect that receive nothing of the delivery's key.
 *
 * <p>A task receives the key when an expression of its {@code args} reads it (see {@link KeyPaths})
 * or reads the result of an earlier task whose expressions read it (a row written with the key, a
 * value computed from it). A called workflow's {@code inputs} are its caller's {@code args}, so the
 * key reaches it where those args put it: {@code args: {body: {ref: <% inputs.delivery.id %>}}}
 * gives the callee the key at {@code inputs.body.ref}.
 */
final class EffectWalk {
  private final FunctionTable functions;
  private final DeliveryChecker.Route route;
  private final Map<String, Set<String>> contexts;
  private final Map<Location, Finding> findings;
  private final Set<String> visited = new HashSet<>();

  /** A task that receives no key, and what to say about it. */
  record Finding(String message, String hint) {}

  EffectWalk(
      FunctionTable functions,
      DeliveryChecker.Route route,
      Map<String, Set<String>> contexts,
      Map<Location, Finding> findings) {
    this.functions = functions;
    this.route = route;
    this.contexts = contexts;
    this.findings = findings;
  }

  /** Walks {@code workflow}, whose inputs hold the delivery's key at {@code keys}. */
  void walk(Workflow workflow, Set<String> keys) {
    // A cycle is an error reported elsewhere; each workflow is walked once per set of keys.
    if (!visited.add(workflow.id() + " " + keys)) {
      return;
    }
    contexts
        .computeIfAbsent(workflow.id(), id -> new TreeSet<>())
        .add(
            route.name()
                + (route.event().guard().async().isPresent() ? " async" : " sync")
                + " keys "
                + String.join(",", keys));
    Set<String> carriers = new HashSet<>();
    List<Task> tasks = new ArrayList<>();
    workflow.outerTasks().forEach(task -> flatten(task, tasks));
    for (Task task : tasks) {
      boolean keyed = receivesKey(task, keys, carriers);
      if (keyed) {
        carriers.add(task.id());
      }
      Optional<ResolvedFunction> function =
          task.fn().flatMap(fn -> functions.resolveCall(fn.name()));
      if (function.isEmpty()) {
        continue;
      }
      if (function.get() instanceof ResolvedFunction.WorkflowFunction called) {
        walk(called.workflow(), calleeKeys(task, keys, carriers));
        continue;
      }
      Optional<String> effect = TaskEffects.of(function.get());
      if (effect.isPresent() && !keyed) {
        findings.putIfAbsent(task.fn().get().node().location(), finding(effect.get(), keys));
      }
    }
  }

  private Finding finding(String effect, Set<String> keys) {
    String message =
        effect
            + " can run more than once for one delivery of "
            + route.name()
            + " ("
            + route.why()
            + ") and receives nothing of the delivery's key"
            + (keys.isEmpty()
                ? ", which the route has none of"
                : " (" + String.join(", ", keys) + ")")
            + ": a repeated run repeats its effect";
    String hint =
        keys.isEmpty()
            ? "give "
                + route.name()
                + " an idempotency key (for example 'idempotency: {key: <% inputs.body.id %>}'),"
                + " pass it in this task's args, and make the effect keyed on it"
            : "pass it in this task's args (for example 'delivery_id: <% "
                + keys.stream()
                    .filter(k -> k.equals("inputs.delivery.id"))
                    .findFirst()
                    .orElse(keys.iterator().next())
                + " %>') and make the effect keyed on it: an upsert, a unique column, or the"
                + " provider's idempotency key";
    return new Finding(message, hint);
  }

  private static void flatten(Task task, List<Task> into) {
    into.add(task);
    task.nested().forEach(nested -> flatten(nested, into));
  }

  /** Whether an expression of the task's args reads a key or the result of a carrier. */
  private static boolean receivesKey(Task task, Set<String> keys, Set<String> carriers) {
    List<String> texts = new ArrayList<>();
    task.args().ifPresent(args -> scalars(args, "", texts, null));
    for (String text : texts) {
      if (readsKey(text, keys) || readsCarrier(text, carriers)) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsKey(String text, Set<String> keys) {
    for (String path : KeyPaths.read(text)) {
      for (String key : keys) {
        if (KeyPaths.reads(path, key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean readsCarrier(String text, Set<String> carriers) {
    if (carriers.isEmpty() || !text.contains("<%")) {
      return false;
    }
    for (String id : carriers) {
      if (Pattern.compile("<%.*(?<![\\w$])" + Pattern.quote(id) + "(?![\\w$]).*%>", Pattern.DOTALL)
          .matcher(text)
          .find()) {
        return true;
      }
    }
    return false;
  }

  /** Where a called workflow's inputs hold the key: where the call's args put what reads it. */
  private static Set<String> calleeKeys(Task call, Set<String> keys, Set<String> carriers) {
    Set<String> callee = new TreeSet<>();
    if (call.args().isEmpty()) {
      return callee;
    }
    List<String[]> placed = new ArrayList<>();
    scalars(call.args().get(), "", null, placed);
    for (String[] at : placed) {
      String target = at[0].isEmpty() ? "inputs" : "inputs." + at[0];
      if (readsCarrier(at[1], carriers)) {
        callee.add(target);
      }
      for (String path : KeyPaths.read(at[1])) {
        for (String key : keys) {
          if (path.equals(key) || KeyPaths.within(path, key)) {
            callee.add(target);
          } else if (KeyPaths.within(key, path)) {
            callee.add(target + key.substring(path.length()));
          }
        }
      }
    }
    return callee;
  }

  /** Every scalar of {@code node}: its text, and with {@code placed}, its dotted path too. */
  private static void scalars(
      YamlNode node, String path, List<String> texts, List<String[]> placed) {
    if (node instanceof YamlScalar scalar) {
      if (texts != null) {
        texts.add(scalar.value());
      }
      if (placed != null) {
        placed.add(new String[] {path, scalar.value()});
      }
    } else if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String name = entry.key().value();
        scalars(entry.value(), path.isEmpty() ? name : path + "." + name, texts, placed);
      }
    } else if (node instanceof YamlSequence sequence) {
      // An element's position is not a path a callee reads by name: the list as a whole.
      for (YamlNode item : sequence.items()) {
        scalars(item, path, texts, placed);
      }
    }
  }
}
