/**
 * Not API: the console log that generated applications install (one line per record, written off
 * the request threads) and the JVM shutdown sequence that keeps it open until servers and resources
 * are closed. It may change in any release.
 */
package dev.hookc.runtime.log;
