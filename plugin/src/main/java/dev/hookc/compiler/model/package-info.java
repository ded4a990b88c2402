/** The checked-in-memory form of a project: events, workflows, tasks and their YAML origins. */
package dev.hookc.compiler.model;
