/**
 * Implementation details. Nothing here is API; it may change in any release.
 */
@NullMarked
package dev.grok4.internal;

import org.jspecify.annotations.NullMarked;
