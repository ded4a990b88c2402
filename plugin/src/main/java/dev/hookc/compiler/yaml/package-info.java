/**
 * Stage 1, load: reading YAML files into trees that remember the line and column of every node, and
 * the value syntaxes that every stage shares, such as durations. Depends on diag only.
 */
package dev.hookc.compiler.yaml;
