package io.luxaris.examples.outbox;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.testkit.ChannelContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outbox channel keeps the channel contract every plugin must keep. */
class OutboxChannelContractTest extends ChannelContract {
    @TempDir
    Path dir;

    /** The file the next provider writes to; the hooks change what the "platform" does by changing it. */
    private Path file;

    private int maxTextLength = OutboxChannel.DEFAULT_MAX_TEXT_LENGTH;

    @Override
    protected ChannelProvider provider() {
        return OutboxChannel.builder()
                .file(file != null ? file : dir.resolve("outbox.jsonl"))
                .maxTextLength(maxTextLength)
                .build();
    }

    @Override
    protected Credentials credentials() {
        // the outbox needs none, but Luxaris stores a connection's credentials: any value works
        return Credentials.bearer("outbox-contract-token");
    }

    @Override
    protected void platformAcceptsNextPost() {
        file = dir.resolve("accepted/outbox.jsonl");
    }

    @Override
    protected void platformRejectsNextPost() {
        // the outbox refuses text over its limit, even when the limit changed after the post was scheduled
        maxTextLength = 5;
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        // a directory where the file should be: it cannot be opened for appending, nothing is written
        file = dir;
    }
}
