/** Payload classes: JSON Schemas turned into Jackson-bound POJOs with jsonschema2pojo. */
package dev.hookc.compiler.pojo;
