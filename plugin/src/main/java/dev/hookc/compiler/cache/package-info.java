/**
 * What a build remembers of each input file so that the next build can leave unchanged files
 * unread: the facts that reach beyond the file (routes, names, calls, shared definitions in use),
 * and the diagnostics it reported, by their stable codes.
 */
package dev.hookc.compiler.cache;
