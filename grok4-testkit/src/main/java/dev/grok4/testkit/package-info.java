/**
 * An embedded, OpenAI-compatible chat completions simulator for tests, demos and benchmarks.
 *
 * <p>Start one with {@link dev.grok4.testkit.Grok4Simulator#start()}, point a client at
 * {@link dev.grok4.testkit.Grok4Simulator#baseUrl()}, and either script exact responses or let
 * the simulator answer with deterministic replies. Latency and faults can be injected at run
 * time. JUnit users can register {@link dev.grok4.testkit.Grok4SimulatorExtension}.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.testkit;

import org.jspecify.annotations.NullMarked;
