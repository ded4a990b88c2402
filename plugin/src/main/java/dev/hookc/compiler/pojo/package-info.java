/**
 * Payload classes: JSON Schemas planned into expression types during analysis and generated into
 * Jackson-bound POJOs with jsonschema2pojo during emit. Reports nothing.
 */
package dev.hookc.compiler.pojo;
