/**
 * Not API: what generated validators call at run time, a capped violation collector, JSON Pointer
 * building, JSON Schema value semantics and format checks. It may change in any release.
 */
package dev.hookc.runtime.internal.validation;
