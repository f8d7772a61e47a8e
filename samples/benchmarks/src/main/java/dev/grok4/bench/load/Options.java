package dev.grok4.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line.
 *
 * @param json print one JSON object to stdout instead of a table
 * @param warmup the warm-up of every cell
 * @param measure the measured window of every cell
 * @param rounds how many times every cell is run, the client order alternating
 * @param clients the clients to run, by report name
 * @param modes the modes to run
 * @param concurrencies the worker counts to run
 */
record Options(boolean json, Duration warmup, Duration measure, int rounds, List<String> clients,
        List<Mode> modes, List<Integer> concurrencies) {

    static final String USAGE = "usage: java -jar grok4-benchmarks.jar [--quick] [--json]"
            + " [--warmup-ms N] [--measure-ms N] [--rounds N] [--clients jdk,grok4,...]"
            + " [--modes chat,stream] [--concurrency 1,16,64]";

    /**
     * Parses the arguments; {@code --quick} sets 1 s warm-up, 2 s measured, one round, and
     * later options override it.
     *
     * @throws IllegalArgumentException naming a bad option or value
     */
    static Options parse(String... args) {
        Options options = full();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--quick")) {
                options = options.quick();
            } else if (flag.equals("--json")) {
                options = options.with(true);
            } else if (i + 1 < args.length) {
                options = options.set(flag, args[++i]);
            } else {
                throw new IllegalArgumentException("Missing value after " + flag);
            }
        }
        return options;
    }

    private static Options full() {
        return new Options(false, Duration.ofSeconds(5), Duration.ofSeconds(10), 2, Clients.ALL,
                List.of(Mode.CHAT, Mode.STREAM), List.of(1, 16, 64));
    }

    private Options quick() {
        return new Options(json, Duration.ofSeconds(1), Duration.ofSeconds(2), 1, clients, modes,
                concurrencies);
    }

    private Options with(boolean asJson) {
        return new Options(asJson, warmup, measure, rounds, clients, modes, concurrencies);
    }

    private Options set(String flag, String value) {
        switch (flag) {
            case "--warmup-ms": return new Options(json, millis(flag, value), measure, rounds,
                    clients, modes, concurrencies);
            case "--measure-ms": return new Options(json, warmup, millis(flag, value), rounds,
                    clients, modes, concurrencies);
            case "--rounds": return new Options(json, warmup, measure, positive(flag, value),
                    clients, modes, concurrencies);
            case "--clients": return new Options(json, warmup, measure, rounds,
                    clientList(value), modes, concurrencies);
            case "--modes": return new Options(json, warmup, measure, rounds, clients,
                    modeList(value), concurrencies);
            case "--concurrency": return new Options(json, warmup, measure, rounds, clients,
                    modes, intList(flag, value));
            default: throw new IllegalArgumentException("Unknown option: " + flag);
        }
    }

    private static Duration millis(String flag, String value) {
        return Duration.ofMillis(positive(flag, value));
    }

    private static int positive(String flag, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message.
        }
        throw new IllegalArgumentException("Invalid " + flag + ": " + value
                + "; expected a positive whole number");
    }

    private static List<String> clientList(String value) {
        List<String> names = Arrays.asList(value.split(","));
        for (String name : names) {
            if (!Clients.ALL.contains(name)) {
                throw new IllegalArgumentException("Invalid --clients: " + name
                        + "; expected some of " + Clients.ALL);
            }
        }
        return List.copyOf(names);
    }

    private static List<Mode> modeList(String value) {
        List<Mode> modes = new ArrayList<>();
        for (String name : value.split(",")) {
            modes.add(Mode.of(name));
        }
        return List.copyOf(modes);
    }

    private static List<Integer> intList(String flag, String value) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",")) {
            numbers.add(positive(flag, part));
        }
        return List.copyOf(numbers);
    }
}
