/** Helpers shared by core's tests: real servers started on loopback. */
@NullMarked
package dev.grok4.testing;

import org.jspecify.annotations.NullMarked;
