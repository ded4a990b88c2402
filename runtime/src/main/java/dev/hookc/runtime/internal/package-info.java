/**
 * Not API: what generated controllers and binders call at run time (parameters, request bodies,
 * response contracts, tree binding). Everything under {@code dev.hookc.runtime.internal} may change
 * in any release without notice; hand-written code should not use it.
 */
package dev.hookc.runtime.internal;
