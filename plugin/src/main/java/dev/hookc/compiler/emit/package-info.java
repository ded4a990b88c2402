/**
 * Stage 4, emit: the bound project turned into generated sources, deterministically. Reads the
 * bound model only: never depends on load, yaml or diag, so it cannot report a diagnostic.
 */
package dev.hookc.compiler.emit;
