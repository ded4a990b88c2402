package dev.hookc.runtime;

import java.util.List;
import java.util.Map;

/**
 * Builds requests as {@code HookcServer} does, so that benchmarks can drive the real {@link
 * Json#readBody} and generated controllers without sockets. It lives in the runtime's package
 * because {@link Request}'s constructor is deliberately not public; nothing outside the benchmarks
 * may need it.
 */
public final class BenchRequests {

  private BenchRequests() {}

  /** A {@code POST} of {@code body} as {@code application/json} to {@code path}. */
  public static Request postJson(String path, byte[] body) {
    return new Request(
        "POST",
        path,
        Map.of(),
        Map.of(),
        Map.of(
            "content-type",
            List.of("application/json"),
            "content-length",
            List.of(Integer.toString(body.length))),
        body);
  }
}
