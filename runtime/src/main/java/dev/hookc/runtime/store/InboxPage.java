package dev.hookc.runtime.store;

import dev.hookc.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only inbox page, {@code GET /_hookc/inbox/ui}: one static document with its style and
 * script inline and no data, so it needs no token to fetch. The operator types the token, which the
 * page keeps in the tab's {@code sessionStorage} and sends as the Bearer header of its {@code
 * fetch} calls; every value it shows is set as text, never as markup. Its Content-Security-Policy
 * allows only the page's own style and script, by hash, and requests to its own origin.
 */
final class InboxPage {
  private static final String RESOURCE = "inbox-ui.html";
  private static final Pattern INLINE =
      Pattern.compile("<(style|script)>(.*?)</\\1>", Pattern.DOTALL);

  private final byte[] html;
  private final String policy;

  private InboxPage(byte[] html, String policy) {
    this.html = html;
    this.policy = policy;
  }

  static InboxPage load() {
    try (InputStream in = InboxPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("hookc's " + RESOURCE + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String script = null;
      String style = null;
      Matcher inline = INLINE.matcher(text);
      while (inline.find()) {
        if (inline.group(1).equals("script")) {
          script = hash(inline.group(2));
        } else {
          style = hash(inline.group(2));
        }
      }
      String policy =
          "default-src 'self'; script-src '"
              + script
              + "'; style-src '"
              + style
              + "'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none';"
              + " frame-ancestors 'none'";
      return new InboxPage(text.getBytes(StandardCharsets.UTF_8), policy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String inline) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }

  /** The page, with headers that keep it from being framed, sniffed or cached. */
  Response response() {
    return Response.of(200, "text/html; charset=utf-8", html)
        .withHeader("Content-Security-Policy", policy)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("X-Frame-Options", "DENY")
        .withHeader("Referrer-Policy", "no-referrer")
        .withHeader("Cache-Control", "no-store");
  }
}
