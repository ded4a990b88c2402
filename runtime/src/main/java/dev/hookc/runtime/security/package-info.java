/**
 * Authentication of requests before their body is parsed: webhook signatures (Standard Webhooks,
 * Stripe, GitHub, generic HMAC) over the raw bytes, and JWT bearer tokens verified with Nimbus
 * JOSE+JWT, with keys given at start-up or fetched from a JSON Web Key Set.
 */
package dev.hookc.runtime.security;
