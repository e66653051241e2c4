package io.luxaris.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.channels.linkedin.LinkedInChannel;
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
    void aLinkedInTokenWithoutAnAuthor_staysADryRun() throws UsageException {
        var channels = QuickstartChannels.configure(
                QuickstartOptions.parse(), Map.of("LINKEDIN_ACCESS_TOKEN", "secret-linkedin-token"));
        assertThat(channels.accounts().get("linkedin").mode()).isEqualTo("dry run (LINKEDIN_AUTHOR_URN is not set)");
        assertThat(((LinkedInChannel) channels.explicitProviders().get(1)).isDryRun())
                .isTrue();
    }

    @Test
    void threads_isOfferedAsADryRun_evenWithRealCredentialsElsewhere() throws UsageException {
        var channels =
                QuickstartChannels.configure(QuickstartOptions.parse("--real", "--channels", "x,threads"), CREDENTIALS);

        assertThat(channels.explicitProviders())
                .filteredOn(ThreadsChannel.class::isInstance)
                .singleElement()
                .satisfies(p -> assertThat(((ThreadsChannel) p).isDryRun()).isTrue());
        Account threads = channels.accounts().get("threads");
        assertThat(threads.real()).isFalse();
        assertThat(threads.mode()).isEqualTo("dry run (always, in the quickstart)");
        assertThat(threads.request().channel()).isEqualTo(ThreadsChannel.KEY);
        assertThat(threads.request().properties()).containsEntry(ThreadsChannel.PROPERTY_USER_ID, "quickstart");
        assertThat(channels.accounts().get("x").real()).isTrue();
    }
}
