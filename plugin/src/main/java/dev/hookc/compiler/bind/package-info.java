/**
 * Stage 3, bind: turns a project without errors and its analysis into an immutable {@code
 * BoundProject} with every class named and every decision the emitters need made once. Reports
 * nothing; never depends on emit.
 */
package dev.hookc.compiler.bind;
