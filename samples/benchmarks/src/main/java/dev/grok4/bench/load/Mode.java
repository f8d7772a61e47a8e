package dev.grok4.bench.load;

/** What one call does: a plain chat call or a streamed reply. */
public enum Mode {
    /** A non-streaming call with a reply of about 1 KB. */
    CHAT("chat"),
    /** A streamed reply of 200 content events and a usage event. */
    STREAM("stream");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in reports and on the command line. */
    public String wireName() {
        return wireName;
    }

    /** Makes one call of this kind and returns the content events (chat: 1). */
    int call(ClientDriver driver) throws Exception {
        if (this == CHAT) {
            driver.chat();
            return 1;
        }
        return driver.stream();
    }

    /**
     * Returns the mode with this report name.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Mode of(String name) {
        for (Mode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode: " + name + "; expected chat or stream");
    }
}
