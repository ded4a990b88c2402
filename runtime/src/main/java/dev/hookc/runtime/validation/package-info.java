/**
 * What generated validators call at run time: a capped violation collector, JSON Pointer building,
 * JSON Schema value semantics and format checks.
 */
package dev.hookc.runtime.validation;
