package dev.hookc.runtime.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The URLs a JWKS may be fetched from: https, or plain http to this machine's loopback address only
 * (a key set read in clear text from elsewhere could be swapped by anyone on the path, who could
 * then sign tokens of their own).
 */
final class JwksUrls {
  private JwksUrls() {}

  /**
   * {@code url} as a URI.
   *
   * @throws IllegalArgumentException when it is not an absolute https URL, nor http to {@code
   *     localhost}, {@code 127.0.0.0/8} or {@code [::1]}
   */
  static URI checked(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("the JWKS URL is not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the JWKS URL has no host, or has user information: " + url);
    }
    if (scheme.equals("https") || (scheme.equals("http") && loopback(host))) {
      return uri;
    }
    throw new IllegalArgumentException(
        "the JWKS URL must be https (http only to a loopback address): " + url);
  }

  static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    // Only address literals are looked at: a name is never resolved to decide.
    if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
