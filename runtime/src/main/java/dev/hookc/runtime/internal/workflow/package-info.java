/**
 * Not API: what generated workflows run on, the task runner with Godspeed's retry, branch, loop and
 * failure rules, request parts, project configuration and validation-error hooks. It may change in
 * any release.
 */
package dev.hookc.runtime.internal.workflow;
