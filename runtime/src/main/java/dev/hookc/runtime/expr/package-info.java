/**
 * What code compiled from {@code <% %>} expressions calls at runtime: JavaScript's rules for values
 * whose type is only known when a request arrives.
 */
package dev.hookc.runtime.expr;
