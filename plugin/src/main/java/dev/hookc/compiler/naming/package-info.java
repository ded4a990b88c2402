/**
 * How generated types are named, derived the same way everywhere from the YAML they come from;
 * shared by analysis (expressions refer to the classes), bind and emit.
 */
package dev.hookc.compiler.naming;
