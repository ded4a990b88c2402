/**
 * Authentication of requests before their body is parsed: webhook signatures (Standard Webhooks,
 * Stripe, GitHub, generic HMAC) over the raw bytes, and JWT bearer tokens verified with Nimbus
 * JOSE+JWT, with keys given at start-up or fetched from a JSON Web Key Set.
 *
 * <p>API, for users and generated code alike: {@link dev.hookc.runtime.security.Authenticator} and
 * its factories in {@link dev.hookc.runtime.security.Authenticators}, {@link
 * dev.hookc.runtime.security.JwtVerifier}, {@link dev.hookc.runtime.security.Secrets} and {@link
 * dev.hookc.runtime.security.DeliveryIdentity}; the verifiers themselves are package-private.
 */
package dev.hookc.runtime.security;
