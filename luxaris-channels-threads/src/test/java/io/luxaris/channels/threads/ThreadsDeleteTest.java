package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Deleting a post: {@code DELETE /{media-id}}; 100 deletes per 24 hours. */
class ThreadsDeleteTest {
    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final ThreadsChannel channel = Fixtures.channel(fake).build();
    private final String token = fake.longLivedToken(Duration.ofDays(1)).value();

    @Test
    void deletePost_sendsADelete_andReportsWhatThreadsDeleted() throws Exception {
        String id = fake.addPost("To be removed", Instant.now(), null);

        assertThat(channel.deletePost(id, token)).isTrue();

        RecordedRequest delete = fake.take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1.0/" + id);
        assertThat(delete.getUrl().queryParameter("access_token")).isEqualTo(token);
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void aPostThreadsDoesNotHave_isFalse() {
        assertThat(channel.deletePost("18050000000009999", token)).isFalse();
    }

    @Test
    void theDailyDeleteLimit_isARetryableRefusal() {
        for (int i = 0; i < 100; i++) {
            channel.deletePost(fake.addPost("post " + i, Instant.now(), null), token);
        }
        String last = fake.addPost("one more", Instant.now(), null);

        assertThatThrownBy(() -> channel.deletePost(last, token)).isInstanceOfSatisfying(ThreadsException.class, e -> {
            assertThat(e.code()).isEqualTo("app_rate_limited");
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains(last).doesNotContain(token);
        });
    }

    @Test
    void aRefusedToken_isNotRetryable_andNotInTheMessage() {
        assertThatThrownBy(() -> channel.deletePost("18050000000000001", "THQVJunknown-token-value"))
                .isInstanceOfSatisfying(ThreadsException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_token");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("THQVJunknown-token-value");
                });
    }

    @Test
    void anIdThatIsNoMediaId_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> channel.deletePost("../me/threads", token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mediaId");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void inDryRun_theDeleteIsShown_notSent() {
        var previews = new ArrayList<ThreadsRequestPreview>();
        ThreadsChannel dry = ThreadsChannel.builder()
                .baseUrl(fake.url())
                .dryRun(previews::add)
                .build();

        assertThat(dry.deletePost("18050000000000001", token)).isTrue();

        assertThat(fake.requestCount()).isZero();
        assertThat(previews).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("DELETE");
            assertThat(p.url()).contains("/v1.0/18050000000000001").doesNotContain(token);
        });
    }
}
