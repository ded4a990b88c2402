/** What generated workflows run on: task statuses with Godspeed's rules, and function contexts. */
package dev.hookc.runtime.workflow;
