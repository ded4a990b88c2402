/**
 * The API of users' hand-written workflow functions: the {@link
 * dev.hookc.runtime.workflow.FunctionContext} a function receives and the {@link
 * dev.hookc.runtime.workflow.Status} it returns, with Godspeed's rules.
 */
package dev.hookc.runtime.workflow;
