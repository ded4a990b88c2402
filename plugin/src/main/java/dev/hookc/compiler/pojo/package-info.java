/**
 * Payload classes: JSON Schemas planned into expression types during analysis and generated into
 * Jackson-bound POJOs in jsonschema2pojo's shape during emit. Reports nothing.
 */
package dev.hookc.compiler.pojo;
