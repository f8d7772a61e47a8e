/** The closed-loop load harness: client drivers, the runner, resource meters and reports. */
@NullMarked
package dev.grok4.bench.load;

import org.jspecify.annotations.NullMarked;
