/**
 * JSON Schema (draft 2020-12) reading with located diagnostics, and generation of one fast,
 * reflection-free validator class per schema, plus one per shared definition that they call.
 */
package dev.hookc.compiler.schema;
