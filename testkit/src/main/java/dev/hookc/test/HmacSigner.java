package dev.hookc.test;

import java.util.Map;
import java.util.Objects;

/**
 * Signs with an HMAC of the body in one header, preceded by a prefix: the generic scheme of an
 * event's {@code authn: hmac}, with the same parameters as the runtime's {@code
 * Authenticators.hmac}. A delivery id or event header the route reads is added to the request
 * itself ({@link HookcRequest#header}), since this scheme does not sign it.
 */
public final class HmacSigner implements Signer {
  private final byte[] key;
  private final String header;
  private final String algorithm;
  private final boolean base64;
  private final String prefix;

  private HmacSigner(byte[] key, String header, String algorithm, boolean base64, String prefix) {
    this.key = key;
    this.header = header;
    this.algorithm = algorithm;
    this.base64 = base64;
    this.prefix = prefix;
  }

  static HmacSigner of(
      String secret, String header, String algorithm, String encoding, String prefix) {
    if (!"hex".equals(encoding) && !"base64".equals(encoding)) {
      throw new IllegalArgumentException("not a supported encoding: " + encoding);
    }
    return new HmacSigner(
        Macs.utf8(Signers.nonEmpty(secret)),
        Objects.requireNonNull(header, "header"),
        Macs.algorithm(algorithm),
        encoding.equals("base64"),
        Objects.requireNonNull(prefix, "prefix"));
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    byte[] mac = Macs.hmac(algorithm, key, body);
    return Macs.headers(header, prefix + (base64 ? Macs.base64(mac) : Macs.hex(mac)));
  }
}
