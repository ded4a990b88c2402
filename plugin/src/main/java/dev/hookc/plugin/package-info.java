/**
 * The Maven glue: thin Mojos that map their parameters to plain classes and report the result —
 * generation with its up-to-date check and incremental output, {@code run} (an application in a JVM
 * of its own, rebuilt and restarted on every change), and {@code executable-jar} (a runnable jar
 * with an optional class-data archive).
 */
package dev.hookc.plugin;
