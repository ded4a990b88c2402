package dev.hookc.runtime;

import dev.hookc.runtime.http.RequestHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One HTTP request as the handler sees it: method, path, parameters, headers and the whole body.
 * Immutable.
 *
 * <p>{@link #path()} is the path as sent, still percent-encoded and without the query; path and
 * query parameters are decoded (UTF-8, and {@code +} is a space in the query only).
 *
 * <p>The headers of a request the server received are copied into the lower-cased map of {@link
 * #headers()} only when something asks for all of them; a single header is looked up in the
 * server's own case-insensitive headers. Most requests need one or two headers, and the copy cost
 * as much as routing.
 */
public final class Request {

  private static final String NONE = new String("none");

  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> queryParams;
  private final RequestHeaders sent;
  private volatile Map<String, List<String>> headers;
  private final byte[] body;
  private final Object user;
  // Read by the body reader and the JSON reader in turn; NONE until first asked.
  private String mediaType = NONE;

  /** A request as the server received it; {@code sent} must not change any more. */
  Request(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      RequestHeaders sent,
      byte[] body) {
    this(method, path, pathParams, queryParams, sent, null, body, null);
  }

  Request(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Map<String, List<String>> headers,
      byte[] body) {
    this(method, path, pathParams, queryParams, null, headers, body, null);
  }

  private Request(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      RequestHeaders sent,
      Map<String, List<String>> headers,
      byte[] body,
      Object user) {
    this.user = user;
    this.method = method;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.queryParams = queryParams;
    this.sent = sent;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A request rebuilt from its stored parts, as a durable inbox hands a delivery to its handler
   * after a restart. Header names must be lower case.
   */
  public static Request of(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Map<String, List<String>> headers,
      byte[] body) {
    return new Request(
        method, path, pathParams, Map.copyOf(queryParams), Map.copyOf(headers), body.clone());
  }

  /** The request method as sent, for example {@code POST}. */
  public String method() {
    return method;
  }

  /** The raw request path, without the query. */
  public String path() {
    return path;
  }

  /** The decoded value of path parameter {@code name}, or null if the route has none. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** The decoded query parameters in order of first appearance; repeated keys keep all values. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  /** The first value of query parameter {@code name}, or null. */
  public String queryParam(String name) {
    List<String> values = queryParams.get(name);
    return values == null ? null : values.get(0);
  }

  /** The first value of header {@code name}, matched case-insensitively, or null. */
  public String header(String name) {
    if (headers != null || sent == null) {
      List<String> values = headerValues(name);
      return values.isEmpty() ? null : values.get(0);
    }
    return sent.first(name);
  }

  /** Every value of header {@code name}, matched case-insensitively; empty when there is none. */
  public List<String> headerValues(String name) {
    if (headers != null || sent == null) {
      return headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
    return sent.all(name);
  }

  /**
   * Calls {@code action} with each header's lower-case name and values, in the order of {@link
   * #headers()}, without building that map.
   */
  public void forEachHeader(BiConsumer<String, List<String>> action) {
    if (headers != null || sent == null) {
      headers().forEach(action);
      return;
    }
    sent.forEach(action);
  }

  /** All headers, keyed by lower-case name. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> result = headers;
    if (result == null) {
      // Racing threads build equal maps; either may win.
      result = lowerCased(sent);
      headers = result;
    }
    return result;
  }

  /** The value of cookie {@code name} from the {@code Cookie} headers, or null. */
  public String cookie(String name) {
    // One header's values, so that a declared cookie does not copy every header.
    for (String header : headerValues("cookie")) {
      for (String pair : header.split(";", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          String value = pair.substring(eq + 1).trim();
          boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
          return quoted ? value.substring(1, value.length() - 1) : value;
        }
      }
    }
    return null;
  }

  /**
   * What authentication established about the caller (for a JWT, its claims), or null when the
   * route is public or its authentication proves only the sender, as a webhook signature does.
   */
  public Object user() {
    return user;
  }

  /** This request with {@link #user()} set, as an authenticator hands it to the route's handler. */
  public Request withUser(Object user) {
    return new Request(method, path, pathParams, queryParams, sent, headers, body, user);
  }

  /** A copy of the body exactly as received, for example to verify a signature over it. */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body itself rather than a copy, for reading large bodies without copying them (generated
   * code and the runtime's helpers use it): never write to the array it returns.
   */
  public byte[] bodyBytes() {
    return body;
  }

  /** The {@code Content-Type} without parameters, in lower case; null if absent or blank. */
  @SuppressWarnings("ReferenceEquality") // NONE is a sentinel: only that instance means "not yet"
  public String mediaType() {
    String type = mediaType;
    if (type == NONE) {
      // Racing threads compute equal strings; strings are safe to share this way.
      type = parseMediaType();
      mediaType = type;
    }
    return type;
  }

  private String parseMediaType() {
    String contentType = header("content-type");
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    // A header with parameters but no type (";;;/", "; charset=utf-8") is no type the route
    // declares: kept whole, so that it is refused as sent rather than read as the default.
    return (type.isEmpty() ? contentType.trim() : type).toLowerCase(Locale.ROOT);
  }

  /** The received headers keyed by lower-case name. */
  private static Map<String, List<String>> lowerCased(RequestHeaders headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(copy::put);
    return Collections.unmodifiableMap(copy);
  }
}
