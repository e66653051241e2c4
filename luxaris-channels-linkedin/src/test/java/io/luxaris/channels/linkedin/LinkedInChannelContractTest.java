package io.luxaris.channels.linkedin;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.testkit.ChannelContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The testkit's channel contract, against the fake LinkedIn. */
class LinkedInChannelContractTest extends ChannelContract {
    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private final Credentials credentials = linkedIn.credentials(Instant.now());

    @Override
    protected ChannelProvider provider() {
        return linkedIn.channel().build();
    }

    @Override
    protected Credentials credentials() {
        return credentials;
    }

    @Override
    protected Map<String, String> connectionProperties() {
        return Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR);
    }

    @Override
    protected String validText() {
        return "Hello from the Luxaris channel contract test (LinkedIn edition) #contract";
    }

    @Override
    protected void platformAcceptsNextPost() {
        // the fake creates every valid post
    }

    @Override
    protected void platformRejectsNextPost() {
        linkedIn.script("POST /rest/posts", FakeLinkedIn.tooLong(3001, validText()));
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        linkedIn.script("POST /rest/posts", FakeLinkedIn.serverError(503));
    }
}
