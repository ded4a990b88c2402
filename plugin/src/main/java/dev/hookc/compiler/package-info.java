/** The hookc compiler: YAML events and workflows in, checked and generated Java out. */
package dev.hookc.compiler;
