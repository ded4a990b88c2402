/** Diagnostics: located, coded messages that every compiler stage reports and carries on. */
package dev.hookc.compiler.diag;
