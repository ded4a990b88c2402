package dev.hookc.test;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the JSON Web Key Set of some {@link JwtSigner}s on a free loopback port, as an identity
 * provider does, for a route with {@code authn: jwt: jwks_url}. {@link #publish} replaces the keys,
 * to test a rotation; {@link #fetches} counts the requests, to test caching. Close it after the
 * test class, for example as an {@code @AutoClose} static field.
 */
public final class JwksServer implements AutoCloseable {
  private static final String PATH = "/.well-known/jwks.json";

  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile byte[] document;

  private JwksServer(HttpServer server) {
    this.server = server;
  }

  /** A started server with the public keys of {@code signers}. */
  public static JwksServer serve(JwtSigner... signers) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on a loopback port", e);
    }
    JwksServer jwks = new JwksServer(http);
    jwks.publish(signers);
    http.createContext(
        PATH,
        exchange -> {
          jwks.fetches.incrementAndGet();
          byte[] body = jwks.document;
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
    return jwks;
  }

  /** Serves the public keys of {@code signers} from now on, in place of those served before. */
  public void publish(JwtSigner... signers) {
    List<JWK> keys = new ArrayList<>();
    for (JwtSigner signer : signers) {
      keys.add(signer.publicJwk());
    }
    document = Macs.utf8(new JWKSet(keys).toString());
  }

  /** Where the key set is served: {@code http://127.0.0.1:<port>/.well-known/jwks.json}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** How many times the key set has been fetched. */
  public int fetches() {
    return fetches.get();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
