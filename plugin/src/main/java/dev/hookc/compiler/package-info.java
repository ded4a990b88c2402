/**
 * The hookc compiler, a pipeline: load (YAML to model), check (every diagnostic), bind (the bound
 * model), emit (Java). {@code HookcCompiler} runs it; docs/architecture.md describes it.
 */
package dev.hookc.compiler;
