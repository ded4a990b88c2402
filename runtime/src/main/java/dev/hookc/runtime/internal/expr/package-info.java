/**
 * Not API: what code compiled from {@code <% %>} expressions calls at run time, JavaScript's rules
 * for values whose type is only known when a request arrives. It may change in any release.
 */
package dev.hookc.runtime.internal.expr;
