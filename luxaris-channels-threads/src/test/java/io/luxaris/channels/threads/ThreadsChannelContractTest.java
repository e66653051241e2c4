package io.luxaris.channels.threads;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.testkit.ChannelContract;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The Threads channel keeps the testkit's channel contract, against the fake Threads server. */
class ThreadsChannelContractTest extends ChannelContract {
    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    @Override
    protected ChannelProvider provider() {
        return Fixtures.channel(fake).build();
    }

    @Override
    protected Credentials credentials() {
        return credentials;
    }

    @Override
    protected Map<String, String> connectionProperties() {
        return Map.of(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID);
    }

    @Override
    protected void platformAcceptsNextPost() {
        // the fake publishes every valid container it is asked to
    }

    @Override
    protected void platformRejectsNextPost() {
        fake.script(
                "POST /v1.0/{user}/threads",
                FakeThreads.invalidParameter("Param text contains content that is not allowed"));
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        fake.script("POST /v1.0/{user}/threads_publish", FakeThreads.serviceUnavailable());
    }
}
