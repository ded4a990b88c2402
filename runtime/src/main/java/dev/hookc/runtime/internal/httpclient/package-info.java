/**
 * The client behind every {@code type: http} datasource: requests built from a definition's
 * settings and a call's path values, authentication (bearer, basic, OAuth 2.0 client credentials
 * with a cached token), retries within the call's deadline, and responses read within a size cap.
 * {@link dev.hookc.runtime.internal.httpclient.HttpDatasources} is its entry.
 */
package dev.hookc.runtime.internal.httpclient;
