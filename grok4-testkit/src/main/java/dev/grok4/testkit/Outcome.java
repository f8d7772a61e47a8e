package dev.grok4.testkit;

/** What happens to a connection after one exchange. */
enum Outcome {
    KEEP_OPEN,
    CLOSE,
    /** Close with SO_LINGER 0, so the peer sees a TCP reset. */
    RESET
}
