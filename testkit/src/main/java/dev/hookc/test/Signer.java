package dev.hookc.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signs a request body as a webhook sender does, returning the headers to send with exactly those
 * bytes. The signers of every scheme hookc verifies are in {@link Signers}; a lambda is a signer
 * too, for a scheme of one's own.
 */
@FunctionalInterface
public interface Signer {

  /** The headers, names as the sender spells them, that authenticate {@code body}. */
  Map<String, String> sign(byte[] body);

  /** The headers that authenticate {@code body} sent as UTF-8. */
  default Map<String, String> sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8));
  }
}
