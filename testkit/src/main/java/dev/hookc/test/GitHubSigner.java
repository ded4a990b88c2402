package dev.hookc.test;

import java.util.Map;
import java.util.Objects;

/**
 * Signs as GitHub does: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, with the
 * delivery's id in {@code X-GitHub-Delivery} (new for each signature unless {@link #deliveryId}
 * fixes it, as a redelivery does) and its event type in {@code X-GitHub-Event}, neither of which
 * GitHub signs.
 */
public final class GitHubSigner implements Signer {
  private final byte[] key;
  private final String deliveryId;
  private final String event;

  private GitHubSigner(byte[] key, String deliveryId, String event) {
    this.key = key;
    this.deliveryId = deliveryId;
    this.event = event;
  }

  static GitHubSigner of(String secret) {
    return new GitHubSigner(Macs.utf8(Signers.nonEmpty(secret)), null, "ping");
  }

  /** This signer with every delivery identified as {@code id}, as a redelivery is. */
  public GitHubSigner deliveryId(String id) {
    return new GitHubSigner(key, Objects.requireNonNull(id, "id"), event);
  }

  /** This signer with {@code X-GitHub-Event: event}; {@code ping} unless set. */
  public GitHubSigner event(String event) {
    return new GitHubSigner(key, deliveryId, Objects.requireNonNull(event, "event"));
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    return Macs.headers(
        "X-Hub-Signature-256",
        "sha256=" + Macs.hex(Macs.sha256(key, body)),
        "X-GitHub-Delivery",
        deliveryId == null ? Macs.newId() : deliveryId,
        "X-GitHub-Event",
        event);
  }
}
