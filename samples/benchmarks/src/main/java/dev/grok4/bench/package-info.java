/**
 * Benchmarks of grok4-java: a load harness comparing the client with the JDK floor and peer SDKs
 * against the simulator in a separate JVM, and JMH microbenchmarks of core internals.
 */
@NullMarked
package dev.grok4.bench;

import org.jspecify.annotations.NullMarked;
