/** JMH microbenchmarks; they only compile in CI and are run by hand (see docs/benchmarks.md). */
@NullMarked
package dev.grok4.bench.jmh;

import org.jspecify.annotations.NullMarked;
