/** Reading YAML files into trees that remember the line and column of every node. */
package dev.hookc.compiler.yaml;
