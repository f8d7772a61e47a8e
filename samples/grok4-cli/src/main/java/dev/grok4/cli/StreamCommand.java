package dev.grok4.cli;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code grok4 stream PROMPT}: prints the reply as it arrives. With {@code --json} it prints
 * only the final accumulated object, in the shape of {@code chat --json}.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Streams the reply to one question as it arrives.")
final class StreamCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Mixin PromptOptions prompt = new PromptOptions();

    @Mixin CacheOptions cache = new CacheOptions();

    private Terminal terminal;

    @Override
    public void terminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ChatRequest request = prompt.request();

        try (ClientFactory factory = new ClientFactory(terminal);
                ChatStream stream = open(factory, request)) {
            for (ChatChunk chunk : stream) {
                if (!connection.json) {
                    terminal.out().print(chunk.content());
                    terminal.out().flush();
                }
            }
            ChatResponse response = stream.response();
            terminal.out().println(connection.json ? ResultJson.of(response) : "");
        }
        return Grok4Cli.EXIT_OK;
    }

    private ChatStream open(ClientFactory factory, ChatRequest request) {
        Grok4Client client = factory.client(connection, cache.settings());
        return client.stream(request);
    }
}
