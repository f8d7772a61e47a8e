package dev.grok4.testkit;

import java.time.Duration;

/** The faults rolled for one request. */
record FaultPlan(Terminal terminal, Duration extraDelay, Duration retryAfter, StreamFault stream) {

    /** A fault that replaces the whole response. */
    enum Terminal {
        NONE,
        RATE_LIMITED,
        SERVER_ERROR,
        CONNECTION_RESET
    }

    /** A fault that damages an otherwise normal event stream. */
    enum StreamFault {
        NONE,
        CUT,
        ERROR_FRAME
    }
}
