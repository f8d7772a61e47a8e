package dev.grok4.cli;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code grok4 chat PROMPT}: asks one question and prints the reply. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Asks one question and prints the reply.")
final class ChatCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
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

        try (ClientFactory factory = new ClientFactory(terminal)) {
            Grok4Client client = factory.client(connection, cache.settings());
            ChatResponse response = client.chat(request);
            print(response);
        }
        return Grok4Cli.EXIT_OK;
    }

    private void print(ChatResponse response) {
        if (connection.json) {
            terminal.out().println(ResultJson.of(response));
        } else {
            terminal.out().println(response.content());
        }
    }
}
