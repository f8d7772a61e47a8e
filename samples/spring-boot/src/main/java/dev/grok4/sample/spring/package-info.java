/**
 * A Spring Boot web application that chats with Grok-4 through the grok4 starter: a JSON
 * endpoint, a server-sent-events endpoint and upstream errors mapped to 502.
 */
@NullMarked
package dev.grok4.sample.spring;

import org.jspecify.annotations.NullMarked;
