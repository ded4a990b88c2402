package dev.hookc.compiler.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * GitHub's webhooks OpenAPI document, bundled: {@code @octokit/openapi-webhooks}
 * (api.github.com.json, MIT), reduced as {@code reduce.py} next to it says, with its {@code
 * LICENSE} and {@code VERSION}. Read once per process, when a project first names it.
 */
final class GithubPack {
  static final String NAME = "github";
  static final String RESOURCE = "github/api.github.com.json";

  private final OpenApiDocument.Bundled document;
  private final Map<String, List<String>> webhooksByEvent;
  private final Map<String, JsonNode> payloads = new ConcurrentHashMap<>();

  private GithubPack(JsonNode root) {
    this.document = new OpenApiDocument.Bundled(NAME, root);
    Map<String, List<String>> byEvent = new TreeMap<>();
    for (Map.Entry<String, JsonNode> webhook : root.path("webhooks").properties()) {
      String subcategory =
          webhook.getValue().path("post").path("x-github").path("subcategory").asText();
      // The header is snake_case; the document spells a few event types with hyphens.
      byEvent
          .computeIfAbsent(subcategory.replace('-', '_'), k -> new ArrayList<>())
          .add(webhook.getKey());
    }
    byEvent.replaceAll((event, hooks) -> hooks.stream().sorted().toList());
    this.webhooksByEvent = Collections.unmodifiableMap(byEvent);
  }

  /** The pack, read on first use. */
  static GithubPack get() {
    return Holder.PACK;
  }

  OpenApiDocument.Bundled document() {
    return document;
  }

  /** The webhooks of each event type ({@code X-GitHub-Event}), one per action, sorted. */
  Map<String, List<String>> webhooksByEvent() {
    return webhooksByEvent;
  }

  /**
   * The payload shape of event type {@code type}, made by {@code shape} on first use; empty for a
   * type GitHub does not send.
   */
  Optional<JsonNode> payload(String type, BiFunction<GithubPack, String, JsonNode> shape) {
    if (!webhooksByEvent.containsKey(type)) {
      return Optional.empty();
    }
    return Optional.of(payloads.computeIfAbsent(type, t -> shape.apply(this, t)));
  }

  /** The bundled document's version line, e.g. {@code @octokit/openapi-webhooks 12.1.0}. */
  static String version() {
    try (InputStream in = GithubPack.class.getResourceAsStream("github/VERSION")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final GithubPack PACK = load();

    private static GithubPack load() {
      try (InputStream in = GithubPack.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the bundled GitHub pack is missing: " + RESOURCE);
        }
        return new GithubPack(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
