package io.luxaris.channels.bluesky;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.testkit.ChannelContract;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The Bluesky channel keeps the testkit's channel contract, against the fake PDS. */
class BlueskyChannelContractTest extends ChannelContract {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @Override
    protected ChannelProvider provider() {
        return Fixtures.channel(fake).build();
    }

    @Override
    protected Credentials credentials() {
        return FakeBluesky.appPassword();
    }

    @Override
    protected Map<String, String> connectionProperties() {
        return FakeBluesky.properties();
    }

    @Override
    protected void platformAcceptsNextPost() {
        // the fake creates every valid post it is sent unless told otherwise
    }

    @Override
    protected void platformRejectsNextPost() {
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.invalidRecord("Expected string value type (got null) at $.record.embed.images[0].alt"));
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.error(503, "ServiceUnavailable", "Service Unavailable"));
    }
}
