package dev.grok4.cli;

import java.util.List;
import java.util.Locale;

/** Prints bench results as a table or as the {@code --json} object. */
final class BenchReport {
    private BenchReport() {}

    static String table(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-9s %8s %9s %11s %9s %8s %13s %11s%n", "scenario", "requests", "succeeded",
                "concurrency", "avg ms", "p95 ms", "errors", "req/s"));
        for (ScenarioResult r : results) {
            out.append(String.format(Locale.ROOT, "%-9s %8d %9d %11d %9.1f %8.1f %12.2f%% %11s%n",
                    r.scenario().name(), r.requests(), r.succeeded(), r.scenario().concurrency(),
                    r.avgMs(), r.p95Ms(), 100 * r.errorRate(), throughput(r)));
        }
        return out.toString().stripTrailing();
    }

    private static String throughput(ScenarioResult r) {
        String measured = String.format(Locale.ROOT, "%.1f", r.throughputRps());
        return r.limitRps() == null ? measured
                : measured + String.format(Locale.ROOT, " of %.1f", r.limitRps());
    }

    static String json(List<ScenarioResult> results) {
        return ResultJson.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("scenarios");
            for (ScenarioResult r : results) {
                g.writeStartObject();
                g.writeStringField("name", r.scenario().name());
                g.writeNumberField("requests", r.requests());
                g.writeNumberField("succeeded", r.succeeded());
                g.writeNumberField("concurrency", r.scenario().concurrency());
                g.writeNumberField("avg_ms", r.avgMs());
                g.writeNumberField("p95_ms", r.p95Ms());
                g.writeNumberField("error_rate", r.errorRate());
                g.writeNumberField("throughput_rps", r.throughputRps());
                if (r.limitRps() == null) {
                    g.writeNullField("limit_rps");
                } else {
                    g.writeNumberField("limit_rps", r.limitRps());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
