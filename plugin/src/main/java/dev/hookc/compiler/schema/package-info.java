/**
 * JSON Schema (draft 2020-12) reading with located diagnostics (used by analysis), and generation
 * of one fast, reflection-free validator class per schema, plus one per shared definition that they
 * call (used by emit; the generators report nothing).
 */
package dev.hookc.compiler.schema;
