/**
 * hookc's own non-blocking HTTP/1.1 transport: one selector thread reads whole requests, and only a
 * complete request takes a worker slot.
 */
package dev.hookc.runtime.http;
