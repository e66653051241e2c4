package io.luxaris.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.channels.bluesky.BlueskyChannel;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.mastodon.MastodonChannel;
import io.luxaris.channels.threads.ThreadsChannel;
import io.luxaris.channels.x.XChannel;
import io.luxaris.examples.quickstart.QuickstartChannels.Account;
import io.luxaris.examples.quickstart.QuickstartOptions.UsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dry run or real: decided from the options and the environment, never sending anything in these tests. */
class QuickstartChannelsTest {
    private static final Map<String, String> CREDENTIALS = Map.of(
            "X_ACCESS_TOKEN", "secret-x-token",
            "X_USERNAME", "@alice",
            "LINKEDIN_ACCESS_TOKEN", "secret-linkedin-token",
            "LINKEDIN_AUTHOR_URN", "urn:li:person:abc123");

    @Test
    void withoutCredentials_xAndLinkedInAreDryRuns() throws UsageException {
        var channels = QuickstartChannels.configure(QuickstartOptions.parse(), Map.of());

        assertThat(((XChannel) channels.explicitProviders().get(0)).isDryRun()).isTrue();
        assertThat(((LinkedInChannel) channels.explicitProviders().get(1)).isDryRun())
                .isTrue();
        assertThat(channels.accounts().keySet()).containsExactly("x", "linkedin", "outbox");
        assertThat(channels.accounts().get("x").mode()).isEqualTo("dry run (X_ACCESS_TOKEN is not set)");
        assertThat(channels.accounts().get("linkedin").request().properties())
                .containsEntry(LinkedInChannel.PROPERTY_AUTHOR_URN, "urn:li:person:quickstart");
        assertThat(channels.accounts().values())
                .extracting(Account::fromEnvironment)
                .containsOnly(false);
        assertThat(channels.anyDryRun()).isTrue();
    }

    @Test
    void mastodon_isOnlyAskedForByName_andAlwaysADryRun() throws UsageException {
        var channels = QuickstartChannels.configure(
                QuickstartOptions.parse("--real", "--channels", "mastodon,x"), CREDENTIALS);

        assertThat(channels.accounts().keySet()).containsExactly("mastodon", "x");
        assertThat(((MastodonChannel) channels.explicitProviders().get(3)).isDryRun())
                .isTrue();
        assertThat(channels.accounts().get("mastodon").real()).isFalse();
        assertThat(channels.accounts().get("mastodon").request().properties())
                .containsEntry(MastodonChannel.PROPERTY_INSTANCE_URL, "https://mastodon.social");
        assertThat(channels.accounts().get("x").real()).isTrue();
        assertThat(QuickstartChannels.configure(QuickstartOptions.parse(), Map.of())
                        .accounts()
                        .keySet())
                .doesNotContain("mastodon");
    }

    @Test
    void threads_isOnlyAskedForByName_andAlwaysADryRun() throws UsageException {
        var channels =
                QuickstartChannels.configure(QuickstartOptions.parse("--real", "--channels", "threads,x"), CREDENTIALS);

        assertThat(channels.accounts().keySet()).containsExactly("threads", "x");
        assertThat(((ThreadsChannel) channels.explicitProviders().get(4)).isDryRun())
                .isTrue();
        assertThat(channels.accounts().get("threads").real()).isFalse();
        assertThat(channels.accounts().get("threads").fromEnvironment()).isFalse();
        assertThat(channels.accounts().get("threads").mode())
                .isEqualTo("dry run (the quickstart only previews Threads)");
        assertThat(channels.accounts().get("threads").request().properties())
                .containsEntry(ThreadsChannel.PROPERTY_USER_ID, "quickstart");
        assertThat(channels.accounts().get("x").real()).isTrue();
        assertThat(QuickstartChannels.configure(QuickstartOptions.parse(), Map.of())
                        .accounts()
                        .keySet())
                .doesNotContain("threads");
    }

    @Test
    void withCredentials_xAndLinkedInPostForReal_unlessDryRunIsAsked() throws UsageException {
        var real = QuickstartChannels.configure(QuickstartOptions.parse(), CREDENTIALS);

        assertThat(((XChannel) real.explicitProviders().get(0)).isDryRun()).isFalse();
        assertThat(((LinkedInChannel) real.explicitProviders().get(1)).isDryRun())
                .isFalse();
        Account x = real.accounts().get("x");
        assertThat(x.real()).isTrue();
        assertThat(x.fromEnvironment()).isTrue();
        assertThat(x.request().displayName()).isEqualTo("@alice");
        assertThat(x.request().properties()).containsEntry(XChannel.PROPERTY_USERNAME, "alice");
        assertThat(x.request().credentials().accessToken()).contains("secret-x-token");
        assertThat(x.toString()).doesNotContain("secret-x-token");
        assertThat(real.accounts().get("linkedin").request().properties())
                .containsEntry(LinkedInChannel.PROPERTY_AUTHOR_URN, "urn:li:person:abc123");
        assertThat(real.anyDryRun()).isFalse();

        var dryRun = QuickstartChannels.configure(QuickstartOptions.parse("--dry-run"), CREDENTIALS);
        assertThat(((XChannel) dryRun.explicitProviders().get(0)).isDryRun()).isTrue();
        assertThat(dryRun.accounts().get("x").mode()).isEqualTo("dry run (--dry-run)");
        assertThat(dryRun.accounts().get("x").request().credentials().accessToken())
                .isNotEqualTo(java.util.Optional.of("secret-x-token"));
    }

    @Test
    void real_needsTheCredentialsOfTheChosenChannelsOnly() throws UsageException {
        assertThatThrownBy(() -> QuickstartChannels.configure(
                        QuickstartOptions.parse("--real", "--channels", "linkedin"),
                        Map.of("LINKEDIN_ACCESS_TOKEN", "t")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--real needs LINKEDIN_AUTHOR_URN ");
        var outboxOnly =
                QuickstartChannels.configure(QuickstartOptions.parse("--real", "--channels", "outbox"), Map.of());
        assertThat(outboxOnly.accounts().keySet()).containsExactly("outbox");
    }

    @Test
    void bluesky_isChosenWithChannels_andAlwaysADryRun() throws UsageException {
        var channels =
                QuickstartChannels.configure(QuickstartOptions.parse("--real", "--channels", "bluesky"), CREDENTIALS);

        assertThat(channels.explicitProviders())
                .filteredOn(BlueskyChannel.class::isInstance)
                .singleElement()
                .satisfies(p -> assertThat(((BlueskyChannel) p).isDryRun()).isTrue());
        Account bluesky = channels.accounts().get("bluesky");
        assertThat(bluesky.real()).isFalse();
        assertThat(bluesky.request().channel()).isEqualTo(BlueskyChannel.KEY);
        assertThat(bluesky.request().properties())
                .containsEntry(BlueskyChannel.PROPERTY_IDENTIFIER, "quickstart.bsky.social");
        assertThat(channels.anyDryRun()).isTrue();
        assertThat(QuickstartOptions.parse().channels()).doesNotContain("bluesky");
    }

    @Test
    void aLinkedInTokenWithoutAnAuthor_staysADryRun() throws UsageException {
        var channels = QuickstartChannels.configure(
                QuickstartOptions.parse(), Map.of("LINKEDIN_ACCESS_TOKEN", "secret-linkedin-token"));
        assertThat(channels.accounts().get("linkedin").mode()).isEqualTo("dry run (LINKEDIN_AUTHOR_URN is not set)");
        assertThat(((LinkedInChannel) channels.explicitProviders().get(1)).isDryRun())
                .isTrue();
    }
}
