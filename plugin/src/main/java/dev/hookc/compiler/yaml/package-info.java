/**
 * Reading YAML files into trees that remember the line and column of every node, and the value
 * syntaxes that every stage shares, such as durations.
 */
package dev.hookc.compiler.yaml;
