/**
 * Generation of one fast, reflection-free validator class per checked schema, plus one per shared
 * definition that they call; reads the checked schema model only and reports nothing.
 */
package dev.hookc.compiler.emit.validation;
