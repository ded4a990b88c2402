/** Loading: finds the project's YAML files and turns their trees into the model. */
package dev.hookc.compiler.load;
