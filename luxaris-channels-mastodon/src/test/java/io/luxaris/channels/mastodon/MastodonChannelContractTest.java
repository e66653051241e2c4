package io.luxaris.channels.mastodon;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.testkit.ChannelContract;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The Mastodon channel keeps the testkit's channel contract, against the fake instance. */
class MastodonChannelContractTest extends ChannelContract {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    @Override
    protected ChannelProvider provider() {
        return Fixtures.channel().build();
    }

    @Override
    protected Credentials credentials() {
        return fake.credentials();
    }

    @Override
    protected Map<String, String> connectionProperties() {
        return Fixtures.properties(fake);
    }

    @Override
    protected MediaSource mediaSource() {
        return Fixtures.LIBRARY;
    }

    @Override
    protected void platformAcceptsNextPost() {
        // the fake creates every status it is sent unless told otherwise
    }

    @Override
    protected void platformRejectsNextPost() {
        fake.script("POST /api/v1/statuses", FakeMastodon.error(422, "Validation failed: Text can't be blank"));
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        fake.script("POST /api/v1/statuses", FakeMastodon.raceCondition());
    }
}
