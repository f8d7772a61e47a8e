/** Pre-flight token estimates with JTokkit. */
@NullMarked
package dev.grok4.internal.tokens;

import org.jspecify.annotations.NullMarked;
