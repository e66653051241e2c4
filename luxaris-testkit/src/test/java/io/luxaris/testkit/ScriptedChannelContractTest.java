package io.luxaris.testkit;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.ChannelProvider;

/** The scripted fake keeps the channel contract (except discovery: it is registered explicitly). */
class ScriptedChannelContractTest extends ChannelContract {
    private final ScriptedChannel fake = ScriptedChannel.create("fake");

    @Override
    protected ChannelProvider provider() {
        return fake;
    }

    @Override
    protected Credentials credentials() {
        return Credentials.bearer("contract-secret-token");
    }

    @Override
    protected void platformAcceptsNextPost() {
        fake.willNext(ScriptedChannel.Behavior.succeed());
    }

    @Override
    protected void platformRejectsNextPost() {
        fake.willNext(ScriptedChannel.Behavior.fail(FailureKind.REJECTED, "duplicate_content"));
    }

    @Override
    protected void platformFailsNextPostTransiently() {
        fake.willNext(ScriptedChannel.Behavior.fail(FailureKind.RETRYABLE, "http_503"));
    }

    @Override
    protected boolean discoverable() {
        return false;
    }
}
