package dev.grok4.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.model.ModelInfo;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code grok4 models}: lists the models the endpoint offers. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the models the endpoint offers.")
final class ModelsCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    private Terminal terminal;

    @Override
    public void terminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (ClientFactory factory = new ClientFactory(terminal)) {
            Grok4Client client = factory.client(connection, Grok4Config.builder());
            List<ModelInfo> models = client.listModels();
            if (connection.json) {
                terminal.out().println(json(models));
            } else {
                models.forEach(m -> terminal.out().println(
                        m.ownedBy() == null ? m.id() : m.id() + "\t" + m.ownedBy()));
            }
        }
        return Grok4Cli.EXIT_OK;
    }

    static String json(List<ModelInfo> models) {
        return ResultJson.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("models");
            for (ModelInfo model : models) {
                writeModel(g, model);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeModel(JsonGenerator g, ModelInfo model) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", model.id());
        g.writeStringField("owned_by", model.ownedBy());
        g.writeEndObject();
    }
}
