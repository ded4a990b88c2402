/**
 * Stage 2, check: semantic checks across files (what functions resolve to, duplicate routes,
 * workflow cycles, guards, configuration, returns). Reports to diag; never depends on bind or emit.
 */
package dev.hookc.compiler.check;
