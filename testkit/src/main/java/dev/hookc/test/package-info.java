/**
 * The hookc test kit: {@link dev.hookc.test.Signers} sign deliveries as each webhook sender does,
 * {@link dev.hookc.test.HookcClient} sends them over real HTTP, and {@link
 * dev.hookc.test.HookcExtension} starts the application under test once per test class, on a free
 * loopback port with a store of its own.
 */
package dev.hookc.test;
