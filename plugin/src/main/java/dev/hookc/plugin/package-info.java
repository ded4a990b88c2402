/**
 * The Maven glue: a thin Mojo that maps its parameters to a generation request and reports the
 * result, and the incremental generation behind it (the up-to-date check over fingerprinted inputs,
 * and writing only the sources that changed).
 */
package dev.hookc.plugin;
