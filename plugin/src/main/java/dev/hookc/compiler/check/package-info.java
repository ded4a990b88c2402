/** Semantic checks across files: what functions resolve to, duplicate routes, workflow cycles. */
package dev.hookc.compiler.check;
