/**
 * Not API: matching requests to routes, path templates with their specificity order, and the
 * percent-decoding of request targets. It may change in any release.
 */
package dev.hookc.runtime.routing;
