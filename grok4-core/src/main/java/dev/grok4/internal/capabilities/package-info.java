/** Per-model parameter support, loaded from data. Internal. */
@NullMarked
package dev.grok4.internal.capabilities;

import org.jspecify.annotations.NullMarked;
