/** The {@code <% %>} expression language: templates, tokens, syntax tree, types and Java code. */
package dev.hookc.compiler.expr;
