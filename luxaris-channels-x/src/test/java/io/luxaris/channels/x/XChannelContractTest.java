package io.luxaris.channels.x;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.testkit.ChannelContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The X channel keeps the testkit's channel contract, against the fake X server. */
class XChannelContractTest extends ChannelContract {
    @AutoClose
    private final FakeX fake = new FakeX();

    private final Credentials credentials = fake.credentials(Instant.now());

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
        return Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME);
    }

    @Override
    protected void platformAcceptsNextPost() {
        // the fake creates every post it is sent unless told otherwise
    }

    @Override
    protected void platformRejectsNextPost() {
        fake.script("POST /2/tweets", FakeX.duplicateContent());
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        fake.script("POST /2/tweets", FakeX.serviceUnavailable());
    }
}
