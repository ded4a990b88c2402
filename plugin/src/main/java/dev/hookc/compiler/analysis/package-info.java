/**
 * Stage 2, check: runs every check and reports every diagnostic, reading every schema and compiling
 * and typing every {@code <% %>} expression; what it finds is the {@code Analysis} that binding
 * builds on. May depend on check, expr, schema, pojo, naming, model, yaml and diag; never on bind
 * or emit.
 */
package dev.hookc.compiler.analysis;
