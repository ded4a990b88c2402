package dev.hookc.runtime.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestPartsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Builds a fresh value for each part on every call, counting the calls by part. */
  private static final class CountingSource implements RequestParts {
    final Map<String, AtomicInteger> builds = new ConcurrentHashMap<>();

    private JsonNode tree(String part) {
      builds.computeIfAbsent(part, p -> new AtomicInteger()).incrementAndGet();
      return NODES.objectNode().put("part", part);
    }

    int builds(String part) {
      AtomicInteger count = builds.get(part);
      return count == null ? 0 : count.get();
    }

    @Override
    public JsonNode params() {
      return tree("params");
    }

    @Override
    public JsonNode query() {
      return tree("query");
    }

    @Override
    public JsonNode headers() {
      return tree("headers");
    }

    @Override
    public JsonNode user() {
      return tree("user");
    }

    @Override
    public JsonNode cookies() {
      return tree("cookies");
    }

    @Override
    public String rawBody() {
      tree("raw_body");
      return new String("{}");
    }

    @Override
    public JsonNode delivery() {
      return tree("delivery");
    }
  }

  @Test
  void buildsNoPartUntilItIsReadAndEachReadPartOnce() {
    CountingSource source = new CountingSource();
    RequestParts parts = new MemoizedParts(source);

    assertThat(source.builds).isEmpty();

    JsonNode headers = parts.headers();
    assertThat(parts.headers()).isSameAs(headers);
    assertThat(headers.get("part").asText()).isEqualTo("headers");
    assertThat(source.builds("headers")).isEqualTo(1);
    assertThat(source.builds).containsOnlyKeys("headers");

    String raw = parts.rawBody();
    assertThat(parts.rawBody()).isSameAs(raw);
    parts.params();
    parts.params();
    parts.query();
    parts.user();
    parts.cookies();
    parts.cookies();
    assertThat(parts.delivery()).isSameAs(parts.delivery());
    assertThat(source.builds)
        .allSatisfy((part, count) -> assertThat(count).as(part).hasValue(1))
        .hasSize(7);
  }

  @Test
  void threadsThatReadAPartAtOnceAllGetTheSameValue() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        RequestParts parts = new MemoizedParts(new CountingSource());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> reads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          reads.add(
              threads.submit(
                  () -> {
                    start.await();
                    return parts.headers();
                  }));
        }
        start.countDown();
        JsonNode first = reads.get(0).get(10, TimeUnit.SECONDS);
        for (Future<JsonNode> read : reads) {
          assertThat(read.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(parts.headers()).isSameAs(first);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void givenPartsAreTheValuesGiven() {
    JsonNode params = NODES.objectNode().put("id", 7);
    JsonNode headers = NODES.objectNode().put("x-tag", "one");
    JsonNode delivery = NODES.objectNode().put("id", "msg_1");
    RequestParts parts =
        RequestParts.of(
            params, NODES.objectNode(), headers, NODES.nullNode(), null, "raw", delivery);

    assertThat(parts.params()).isSameAs(params);
    assertThat(parts.headers()).isSameAs(headers);
    assertThat(parts.user().isNull()).isTrue();
    assertThat(parts.cookies()).isNull();
    assertThat(parts.rawBody()).isEqualTo("raw");
    assertThat(parts.delivery()).isSameAs(delivery);
  }
}
