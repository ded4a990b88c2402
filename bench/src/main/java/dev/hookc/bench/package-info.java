/**
 * Benchmarks of hookc: JMH microbenchmarks of the request pipeline, the hand-written baseline
 * server for the end-to-end load test, and the generator of synthetic projects for build times.
 */
package dev.hookc.bench;
