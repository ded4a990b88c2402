/**
 * JSON text to and from Jackson's trees on the streaming layer alone; shared by load, analysis and
 * emit, and reads no YAML.
 */
package dev.hookc.compiler.json;
