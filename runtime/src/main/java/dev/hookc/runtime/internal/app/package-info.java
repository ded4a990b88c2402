/**
 * Not API: the {@link dev.hookc.runtime.Application} a generated {@code HookcApplication} builds —
 * its settings checked at {@code build()}, the resources it opens at {@code start()} and closes in
 * reverse, and the {@link dev.hookc.runtime.internal.Wiring} its controllers and workflows get.
 */
package dev.hookc.runtime.internal.app;
