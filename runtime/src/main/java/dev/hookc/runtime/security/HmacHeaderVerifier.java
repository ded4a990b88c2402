package dev.hookc.runtime.security;

import dev.hookc.runtime.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an HMAC of the raw body carried in one header, as GitHub ({@code X-Hub-Signature-256:
 * sha256=<hex>}) and many other providers send it.
 */
final class HmacHeaderVerifier implements Authenticator {
  private final List<byte[]> keys;
  private final String header;
  private final String algorithm;
  private final boolean base64;
  private final String prefix;

  /**
   * @param algorithm {@code sha1}, {@code sha256} or {@code sha512}
   * @param encoding {@code hex} or {@code base64}
   * @param prefix text before the MAC in the header, such as {@code sha256=}; may be empty
   */
  HmacHeaderVerifier(
      List<String> secrets, String header, String algorithm, String encoding, String prefix) {
    if (!encoding.equals("hex") && !encoding.equals("base64")) {
      throw new IllegalArgumentException("not a supported encoding: " + encoding);
    }
    this.keys = secrets.stream().map(Macs::utf8).toList();
    this.header = header;
    this.algorithm = Macs.algorithm(algorithm);
    this.base64 = encoding.equals("base64");
    this.prefix = prefix;
  }

  @Override
  public Object authenticate(Request request) {
    String value = request.header(header);
    if (value == null || value.isBlank()) {
      throw Unauthorized.because("missing header " + header);
    }
    value = value.trim();
    if (!value.startsWith(prefix)) {
      throw Unauthorized.because(header + " does not start with '" + prefix + "'");
    }
    String mac = value.substring(prefix.length());
    byte[] candidate = base64 ? Macs.fromBase64(mac) : Macs.fromHex(mac);
    byte[] body = request.body();
    List<byte[]> expected = new ArrayList<>();
    for (byte[] key : keys) {
      expected.add(Macs.hmac(algorithm, key, body));
    }
    if (!Macs.anyMatches(expected, java.util.Collections.singletonList(candidate))) {
      throw Unauthorized.because(header + " does not match the body and secret");
    }
    return null;
  }
}
