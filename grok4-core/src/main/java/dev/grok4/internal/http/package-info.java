/** The HTTP transport seam and its JDK implementation. Internal. */
@NullMarked
package dev.grok4.internal.http;

import org.jspecify.annotations.NullMarked;
