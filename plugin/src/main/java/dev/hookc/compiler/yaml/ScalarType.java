package dev.hookc.compiler.yaml;

/** The type YAML's core schema gives a scalar: {@code 5} is an integer, {@code "5"} a string. */
public enum ScalarType {
  STRING,
  INTEGER,
  FLOAT,
  BOOLEAN,
  NULL
}
