/** Body schemas taken from a provider's published OpenAPI document: GitHub's pack, or a file. */
package dev.hookc.compiler.provider;
