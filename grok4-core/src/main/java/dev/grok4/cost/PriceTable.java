package dev.grok4.cost;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.Grok4Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices as data: the built-in table ({@code dev/grok4/prices.json}) merged with an
 * optional file of the same form, whose rows add to or replace the built-in ones.
 *
 * <pre>{@code
 * {"models": [{"model": "grok-4", "input": 3.00, "output": 15.00, "cached_input": 0.75}]}
 * }</pre>
 *
 * <p>Prices are USD per million tokens. A row applies to every model whose name starts with its
 * {@code model}, ignoring case; the longest match wins, so {@code grok-4-0709} uses the
 * {@code grok-4} row. A gateway name such as {@code x-ai/grok-4} is also matched on the part
 * after its last {@code /}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PriceTable {
    private static final int MAX_REMEMBERED = 256;
    private static final String RESOURCE = "/dev/grok4/prices.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXPECTED = "expected JSON such as {\"models\": [{\"model\": "
            + "\"grok-4\", \"input\": 3.0, \"output\": 15.0}]} with prices in USD per million "
            + "tokens";

    private final Map<String, ModelPrice> rows;
    private final ConcurrentHashMap<String, Optional<ModelPrice>> found =
            new ConcurrentHashMap<>();

    private PriceTable(Map<String, ModelPrice> rows) {
        this.rows = rows;
    }

    /** Returns the built-in prices. */
    public static PriceTable defaults() {
        return Defaults.TABLE;
    }

    /** Returns a table of exactly these rows; a later row with the same model wins. */
    public static PriceTable of(List<ModelPrice> prices) {
        Map<String, ModelPrice> rows = new LinkedHashMap<>();
        prices.forEach(p -> rows.put(p.model().toLowerCase(Locale.ROOT), p));
        return new PriceTable(Map.copyOf(rows));
    }

    /**
     * Returns the built-in prices with the rows of the configuration's {@code pricingFile}
     * applied, or the built-in prices when it names none.
     *
     * @throws IllegalArgumentException if the file cannot be read or is not a price table
     */
    public static PriceTable fromConfig(Grok4Config config) {
        Path file = config.pricingFile();
        return file == null ? defaults() : defaults().withOverrides(file);
    }

    /**
     * Returns this table with the rows of a price file added or replacing rows of the same
     * model.
     *
     * @throws IllegalArgumentException if the file cannot be read or is not a price table; the
     *     message names the file and the expected form
     */
    public PriceTable withOverrides(Path pricingFile) {
        requireNonNull(pricingFile, "pricingFile");
        JsonNode root;
        try (InputStream in = Files.newInputStream(pricingFile)) {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid pricingFile: " + pricingFile
                    + "; it could not be read as JSON (" + e.getClass().getSimpleName() + "); "
                    + EXPECTED, e);
        }
        List<ModelPrice> merged = new ArrayList<>(rows.values());
        merged.addAll(parse(root, "pricingFile: " + pricingFile));
        return of(merged);
    }

    /** Returns every row, in no particular order. */
    public List<ModelPrice> prices() {
        return List.copyOf(rows.values());
    }

    /** Returns the row for a model by longest prefix, or empty when no row matches. */
    public Optional<ModelPrice> find(String model) {
        requireNonNull(model, "model");
        Optional<ModelPrice> known = found.get(model);
        if (known != null) {
            return known;
        }
        Optional<ModelPrice> price = search(model);
        // Every call prices its model; the few names a client sees are remembered, but a
        // server inventing names cannot make the memory grow without bound.
        if (found.size() < MAX_REMEMBERED) {
            found.put(model, price);
        }
        return price;
    }

    private Optional<ModelPrice> search(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        Optional<ModelPrice> found = longestPrefix(name);
        int slash = name.lastIndexOf('/');
        return found.isPresent() || slash < 0 ? found : longestPrefix(name.substring(slash + 1));
    }

    /**
     * Returns what a workload costs on every model of the table, cheapest first.
     *
     * @param inputTokens prompt tokens, >= 0
     * @param outputTokens generated tokens, reasoning included, >= 0
     * @param usdToJpy yen per dollar, > 0
     * @throws IllegalArgumentException if a count is negative or the rate is not positive
     */
    public List<PriceComparison> compare(long inputTokens, long outputTokens, double usdToJpy) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("Invalid token counts: " + inputTokens + " in, "
                    + outputTokens + " out; expected 0 or more");
        }
        CostCalculator.checkRate(usdToJpy);
        List<Map.Entry<ModelPrice, BigDecimal>> costs = new ArrayList<>();
        rows.values().forEach(p -> costs.add(Map.entry(p, p.usd(inputTokens, 0, outputTokens))));
        costs.sort(Map.Entry.<ModelPrice, BigDecimal>comparingByValue()
                .thenComparing(e -> e.getKey().model()));
        return rowsOf(costs, usdToJpy);
    }

    private static List<PriceComparison> rowsOf(List<Map.Entry<ModelPrice, BigDecimal>> costs,
            double usdToJpy) {
        List<PriceComparison> result = new ArrayList<>();
        double cheapest = costs.isEmpty() ? 0 : costs.get(0).getValue().doubleValue();
        for (Map.Entry<ModelPrice, BigDecimal> e : costs) {
            double usd = e.getValue().doubleValue();
            double relative = cheapest == 0 ? (usd == 0 ? 1 : Double.POSITIVE_INFINITY)
                    : usd / cheapest;
            result.add(new PriceComparison(e.getKey().model(), usd,
                    CostCalculator.toJpy(e.getValue(), usdToJpy), relative));
        }
        return List.copyOf(result);
    }

    private Optional<ModelPrice> longestPrefix(String name) {
        return rows.entrySet().stream()
                .filter(e -> name.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static List<ModelPrice> parse(JsonNode root, String source) {
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isArray()) {
            throw new IllegalArgumentException("Invalid " + source + "; " + EXPECTED);
        }
        List<ModelPrice> prices = new ArrayList<>();
        for (JsonNode row : models) {
            prices.add(parseRow(row, source));
        }
        return prices;
    }

    private static ModelPrice parseRow(JsonNode row, String source) {
        JsonNode model = row.get("model");
        JsonNode input = row.get("input");
        JsonNode output = row.get("output");
        if (model == null || !model.isTextual() || input == null || !input.isNumber()
                || output == null || !output.isNumber()) {
            throw new IllegalArgumentException("Invalid " + source + ": the row " + row
                    + " needs a text 'model' and numbers 'input' and 'output'; " + EXPECTED);
        }
        ModelPrice price = ModelPrice.of(model.asText(), input.asDouble(), output.asDouble());
        JsonNode cached = row.get("cached_input");
        return cached == null || cached.isNull() ? price : price.withCachedInput(cached.asDouble());
    }

    private static PriceTable loadDefaults() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in price table " + RESOURCE
                        + " is missing from the class path");
            }
            return of(parse(MAPPER.readTree(in), "built-in price table " + RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the built-in price table", e);
        }
    }

    @Override
    public String toString() {
        return "PriceTable" + rows.values();
    }

    private static final class Defaults {
        static final PriceTable TABLE = loadDefaults();
    }
}
