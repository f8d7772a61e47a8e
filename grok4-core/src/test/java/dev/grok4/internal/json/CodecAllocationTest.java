package dev.grok4.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the codec's share of the per-call allocation budget (about 25 KB for a whole call,
 * JDK client included) small: encoding a one-message request and decoding a short reply.
 */
class CodecAllocationTest {
    private static final byte[] REPLY = ("{\"id\":\"r1\",\"object\":\"chat.completion\","
            + "\"created\":1770772214,\"model\":\"grok-4-0709\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Tokyo is the capital of Japan.\","
            + "\"refusal\":null},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,"
            + "\"completion_tokens\":7,\"total_tokens\":112,\"prompt_tokens_details\":"
            + "{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":100}},"
            + "\"system_fingerprint\":\"fp_x\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void encodeAndDecodeAllocateUnderEightKilobytes() throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "This JVM does not report allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        ChatRequest request = ChatRequest.builder().model("grok-4")
                .addMessage(Message.user("What is the capital of Japan?")).build();
        for (int i = 0; i < 20_000; i++) {
            roundTrip(request);
        }

        long thread = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(thread);
        int calls = 1_000;
        for (int i = 0; i < calls; i++) {
            roundTrip(request);
        }
        long perCall = (mx.getThreadAllocatedBytes(thread) - before) / calls;

        assertThat(perCall).isPositive().isLessThan(8 * 1024);
    }

    private static void roundTrip(ChatRequest request) throws Exception {
        byte[] body = ChatJson.writeRequest(request, false, false);
        assertThat(body.length).isPositive();
        assertThat(ChatJson.readResponse(REPLY).content()).startsWith("Tokyo");
    }
}
