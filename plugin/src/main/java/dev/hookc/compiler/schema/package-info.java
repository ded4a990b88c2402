/**
 * JSON Schema (draft 2020-12) reading and checking with located diagnostics, into an immutable
 * checked model ({@link dev.hookc.compiler.schema.JsonSchema}, {@link
 * dev.hookc.compiler.schema.SchemaNode}, {@link dev.hookc.compiler.schema.SchemaDefinitions}) that
 * the validator generator reads.
 */
package dev.hookc.compiler.schema;
