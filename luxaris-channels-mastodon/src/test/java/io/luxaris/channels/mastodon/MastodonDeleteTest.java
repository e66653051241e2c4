package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Deleting a status with {@code DELETE /api/v1/statuses/:id}. */
class MastodonDeleteTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private final MastodonChannel channel = Fixtures.channel().build();

    @Test
    void aStatus_isDeletedWithTheAccountsToken() throws Exception {
        String id = fake.addStatus("Oops", "", null, "public", Instant.now())
                .path("id")
                .asText();

        assertThat(channel.deleteStatus(fake.url(), id, FakeMastodon.TOKEN)).isTrue();

        RecordedRequest request = fake.take();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/statuses/" + id);
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
        assertThat(fake.statuses()).isEmpty();
    }

    @Test
    void deletingTheMediaToo_addsDeleteMedia() throws Exception {
        String id = fake.addStatus("With media", "", null, "public", Instant.now())
                .path("id")
                .asText();

        assertThat(channel.deleteStatus(fake.url(), id, FakeMastodon.TOKEN, true))
                .isTrue();

        assertThat(fake.take().getUrl().queryParameter("delete_media")).isEqualTo("true");
    }

    @Test
    void aStatusTheInstanceDoesNotHave_isNotDeleted() {
        assertThat(channel.deleteStatus(fake.url(), "404404", FakeMastodon.TOKEN))
                .isFalse();
    }

    @Test
    void aRateLimitedDelete_isRetryable_atTheInstancesResetTime() {
        fake.script("DELETE /api/v1/statuses/{id}", FakeMastodon.tooManyRequests("2026-11-24T10:30:00.000000Z"));

        assertThatThrownBy(() -> channel.deleteStatus(fake.url(), "1", FakeMastodon.TOKEN))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("rate_limited");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAt()).contains(Instant.parse("2026-11-24T10:30:00Z"));
                });
    }

    @Test
    void aRevokedToken_isNotRetryable_andNotInTheMessage() {
        String token = "revoked-token-1234";

        assertThatThrownBy(() -> channel.deleteStatus(fake.url(), "1", token))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_token");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(token);
                });
    }

    @Test
    void theTokenGoesOnlyToAnHttpsInstance() {
        assertThatThrownBy(() -> channel.deleteStatus("http://mastodon.example", "1", FakeMastodon.TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }
}
