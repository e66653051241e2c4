package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Tokens and the app secret never reach raw responses, messages, exceptions or {@code toString()}. */
class ThreadsSecretsTest {
    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    @Test
    void aPublishedOutcome_holdsNoToken_anywhere() {
        Credentials credentials = fake.credentials();
        String token = credentials.accessToken().orElseThrow();
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake))) {
            PublishOutcome outcome =
                    publisher.publish(Fixtures.request(Fixtures.variant("Clean")), new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
            assertThat(outcome.toString()).doesNotContain(token);
            assertThat(outcome.rawResponse().orElseThrow()).doesNotContain(token);
            assertThat(outcome.checkpoint().values()).noneMatch(v -> v.contains(token));
            assertThat(publisher.toString()).doesNotContain(token);
        }
    }

    @Test
    void anOAuthErrorEchoingTheSecretAndTheToken_isScrubbedFromTheException() {
        var token = fake.longLivedToken(Duration.ofDays(1)).value();
        fake.script(
                "GET /access_token",
                FakeThreads.invalidParameter(
                        "client_secret=" + FakeThreads.APP_SECRET + " does not match for " + token));
        try (ThreadsOAuth oauth = ThreadsOAuth.builder(
                        FakeThreads.APP_ID, FakeThreads.APP_SECRET, URI.create(FakeThreads.REDIRECT_URI))
                .graphBaseUrl(fake.url())
                .build()) {
            assertThatThrownBy(() -> oauth.longLived(token))
                    .isInstanceOfSatisfying(ThreadsException.class, e -> assertThat(e.getMessage())
                            .contains("[REDACTED]")
                            .doesNotContain(FakeThreads.APP_SECRET)
                            .doesNotContain(token));
        }
    }

    @Test
    void aRefusedRefresh_namesNoToken() {
        Credentials credentials = fake.credentials(Duration.ofDays(5));
        String token = credentials.accessToken().orElseThrow();
        fake.script("GET /refresh_access_token", FakeThreads.invalidParameter("the token " + token + " is odd"));
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake))) {
            RefreshResult result = publisher.refresh(new Fixtures.Context(credentials));

            assertThat(result).isInstanceOfSatisfying(RefreshResult.Revoked.class, r -> assertThat(r.safeMessage())
                    .doesNotContain(token));
        }
    }

    @Test
    void tokenValues_hideTheirTokens() {
        var tokens = new ThreadsOAuth.Tokens("THQVJlong-lived-secret", Instant.EPOCH, Optional.of("1"));
        var shortLived = new ThreadsOAuth.ShortLivedToken("THQVJshort-secret", "1", Instant.EPOCH);

        assertThat(tokens.toString()).doesNotContain("THQVJlong-lived-secret").contains("[REDACTED]");
        assertThat(shortLived.toString()).doesNotContain("THQVJshort-secret");
        assertThat(tokens.toCredentials().toString()).doesNotContain("THQVJlong-lived-secret");
    }
}
