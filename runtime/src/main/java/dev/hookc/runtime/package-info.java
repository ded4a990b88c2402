/**
 * hookc's runtime API for users: {@link dev.hookc.runtime.HookcServer} and its routes, the {@link
 * dev.hookc.runtime.Request} a handler reads, the {@link dev.hookc.runtime.Response} it answers
 * with, and {@link dev.hookc.runtime.HttpProblem} for answering with a problem body.
 *
 * <p>Types here are stable API. Generated code also calls {@code dev.hookc.runtime.internal} and
 * its subpackages, which are not API.
 */
package dev.hookc.runtime;
