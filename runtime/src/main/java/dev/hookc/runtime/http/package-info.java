/**
 * Not API: hookc's own non-blocking HTTP/1.1 transport. One selector thread reads whole requests,
 * and only a complete request takes a worker slot. It knows nothing of routes, workflows or the
 * store. It may change in any release.
 */
package dev.hookc.runtime.http;
