/** The Maven glue: a thin Mojo that maps parameters to a compile request and reports results. */
package dev.hookc.plugin;
