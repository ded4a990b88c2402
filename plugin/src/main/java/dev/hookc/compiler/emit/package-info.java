/** Emitting: the checked model turned into JavaPoet files, deterministically. */
package dev.hookc.compiler.emit;
