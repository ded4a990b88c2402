/** The thin server that generated hookc code runs on: routes, requests, responses, problems. */
package dev.hookc.runtime;
