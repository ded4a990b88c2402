/**
 * Authentication of requests before their body is parsed: webhook signatures (Standard Webhooks,
 * Stripe, GitHub, generic HMAC) over the raw bytes, and JWT bearer tokens.
 */
package dev.hookc.runtime.security;
