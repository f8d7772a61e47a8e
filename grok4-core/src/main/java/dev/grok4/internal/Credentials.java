package dev.grok4.internal;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The API key of one client and where it may be sent.
 *
 * <p>The key comes from {@link Grok4Config#apiKey()} or the environment variable
 * {@value Grok4Config#API_KEY_ENV}, trimmed. A missing key is not an error until the first call,
 * and not an error at all for a loopback host, where local servers need none. Immutable and
 * thread-safe; {@link #toString()} never shows the key.
 *
 * @since 0.1
 */
public final class Credentials {
    private static final System.Logger LOG = System.getLogger("dev.grok4.Grok4Client");
    private static final String XAI_HOST = "api.x.ai";

    private final @Nullable String apiKey;
    private final boolean loopback;
    private final @Nullable String header;
    private final @Nullable String keyProblem;

    private Credentials(@Nullable String apiKey, boolean loopback) {
        this.apiKey = apiKey;
        this.loopback = loopback;
        // Checked and built once; the header is sent on every call. The failure still comes
        // at the first call, as a missing key does, so that building a client never fails.
        this.keyProblem = apiKey == null ? null : unprintable(apiKey);
        this.header = apiKey == null ? null : "Bearer " + apiKey;
    }

    /**
     * Resolves the key for a configuration; logs one WARNING when an xAI key is about to be sent
     * to a host that is not xAI's.
     *
     * @param environment reads an environment variable; {@code System::getenv} outside tests
     */
    public static Credentials resolve(Grok4Config config,
            Function<String, @Nullable String> environment) {
        String key = config.apiKey();
        if (key == null) {
            String fromEnv = environment.apply(Grok4Config.API_KEY_ENV);
            key = fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
        }
        String host = URI.create(config.baseUrl()).getHost();
        Credentials credentials = new Credentials(key, isLoopback(host));
        // A loopback server is the user's own (a test double or a local proxy), not a gateway.
        if (key != null && key.startsWith("xai-") && !XAI_HOST.equalsIgnoreCase(host)
                && !credentials.loopback) {
            LOG.log(Level.WARNING, "An xAI API key (xai-...) is configured for {0}, which is not"
                    + " {1}; check that this endpoint should receive it", host, XAI_HOST);
        }
        return credentials;
    }

    /** Returns whether a host is a loopback name or address: localhost, 127.0.0.0/8 or ::1. */
    public static boolean isLoopback(@Nullable String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.")
                && h.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Returns the key, or null when none is set; for redaction only, never for output. */
    public @Nullable String apiKey() {
        return apiKey;
    }

    /**
     * Returns the {@code Authorization} header value, or null for a keyless loopback call.
     *
     * @throws Grok4Exception of kind {@link ErrorKind#CONFIGURATION} when no key is set and the
     *     host is not a loopback address
     */
    public @Nullable String authorization() {
        if (keyProblem != null) {
            throw new Grok4Exception(ErrorKind.CONFIGURATION, keyProblem, null);
        }
        if (header != null) {
            return header;
        }
        if (loopback) {
            return null;
        }
        throw new Grok4Exception(ErrorKind.CONFIGURATION, "No API key: set the environment"
                + " variable " + Grok4Config.API_KEY_ENV + " or Grok4Config.apiKey", null);
    }

    /**
     * Returns why a key cannot be sent in an HTTP header, or null when it can. A key pasted from
     * a web page may hold an en dash, a zero-width or a no-break space: the JDK would refuse it
     * with a message that quotes the whole header, key included, and Latin-1 characters would
     * reach the server and fail as a wrong key. The reason names the position and code point,
     * never the key.
     */
    private static @Nullable String unprintable(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return String.format(Locale.ROOT, "The API key has a character an HTTP header"
                        + " cannot carry (U+%04X at position %d of %d); copy the key again as"
                        + " plain text", (int) c, i + 1, key.length());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + (apiKey == null ? "unset" : "set") + "]";
    }
}
