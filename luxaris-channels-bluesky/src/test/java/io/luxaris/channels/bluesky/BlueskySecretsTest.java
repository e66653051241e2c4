package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.util.ArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The app password and session tokens never show in raw responses, messages, previews or toString(). */
class BlueskySecretsTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @Test
    void aSessionTokenEchoedInAnError_isRedactedInTheRawResponseAndMessage() {
        Credentials session = fake.session();
        String access = session.accessToken().get();
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.error(403, "Forbidden", "token " + access + " may not write here"));

        PublishOutcome outcome;
        try (ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            outcome = publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(session));
        }

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .contains("token [REDACTED] may not write here")
                    .doesNotContain(access));
            assertThat(f.safeMessage()).doesNotContain(access).contains("[REDACTED]");
            assertThat(f.toString()).doesNotContain(access);
        });
    }

    @Test
    void theAppPasswordEchoedByALoginError_isRedacted() {
        fake.script(
                "POST com.atproto.server.createSession",
                FakeBluesky.error(
                        401,
                        "AuthenticationRequired",
                        "bad password " + PlatformFaults.echoed(FakeBluesky.APP_PASSWORD)));

        PublishOutcome outcome;
        try (ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(FakeBluesky.properties())),
                    new Fixtures.Context(FakeBluesky.appPassword()));
        }

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.safeMessage()).doesNotContain(FakeBluesky.APP_PASSWORD);
            assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .doesNotContain(FakeBluesky.APP_PASSWORD)
                    .contains("[REDACTED]"));
        });
    }

    @Test
    void theDryRunPreviewOfALogin_wouldMaskThePassword_butADryRunNeverLogsIn() {
        var previews = new ArrayList<BlueskyRequestPreview>();
        try (ChannelPublisher publisher =
                Fixtures.channel(fake).dryRun(previews::add).build().createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(FakeBluesky.properties())),
                    new Fixtures.Context(FakeBluesky.appPassword()));

            assertThat(outcome).isInstanceOf(PublishOutcome.DryRun.class);
        }

        assertThat(previews).extracting(BlueskyRequestPreview::url).noneMatch(u -> u.contains("createSession"));
        assertThat(previews.toString()).doesNotContain(FakeBluesky.APP_PASSWORD);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void credentialsChannelsAndPublishers_printNoSecret() {
        Credentials session = fake.session();
        BlueskyChannel channel = Fixtures.channel(fake).build();

        assertThat(session.toString())
                .doesNotContain(FakeBluesky.APP_PASSWORD, session.accessToken().get());
        assertThat(channel.toString()).contains("pdsUrl=").doesNotContain(FakeBluesky.APP_PASSWORD);
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            assertThat(publisher.toString()).startsWith("BlueskyPublisher[");
        }
        assertThat(BlueskyCredentials.connectionRequest("@alice.example.com", FakeBluesky.APP_PASSWORD)
                        .toString())
                .doesNotContain(FakeBluesky.APP_PASSWORD);
    }
}
