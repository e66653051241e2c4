package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Deleting a post ({@code deleteRecord}), as a host offering "delete from Bluesky" does. */
class BlueskyDeleteTest {
    private static final String RKEY = "3n32f522m222b";
    private static final String URI = "at://did:plc:abc123/app.bsky.feed.post/" + RKEY;

    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    private final BlueskyChannel channel = Fixtures.channel(fake).build();
    private final List<Credentials> saved = new ArrayList<>();

    @Test
    void aPost_isDeletedByItsRepoCollectionAndKey() throws Exception {
        fake.putRecord(RKEY, "Hello");
        Credentials session = fake.session();

        channel.deletePost(URI, session, saved::add);

        RecordedRequest delete = fake.take();
        assertThat(FakeBluesky.route(delete)).isEqualTo("POST com.atproto.repo.deleteRecord");
        assertThat(delete.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + session.accessToken().get());
        assertThat(FakeBluesky.json(delete).toString())
                .isEqualTo("{\"repo\":\"did:plc:abc123\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + RKEY
                        + "\"}");
        assertThat(fake.record(RKEY)).isNull();
        assertThat(saved).isEmpty();
    }

    @Test
    void deletingAPostThatIsGone_succeedsToo() throws Exception {
        channel.deletePost(URI, fake.session(), saved::add);
        channel.deletePost(URI, fake.session(), saved::add);

        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly("POST com.atproto.repo.deleteRecord", "POST com.atproto.repo.deleteRecord");
    }

    @Test
    void withOnlyTheAppPassword_itLogsInAsTheUrisDid_andHandsTheSessionBackBeforeUsingIt() throws Exception {
        channel.deletePost(URI, FakeBluesky.appPassword(), saved::add);

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("POST com.atproto.server.createSession", "POST com.atproto.repo.deleteRecord");
        assertThat(FakeBluesky.json(requests.get(0)).path("identifier").asText())
                .isEqualTo(FakeBluesky.DID);
        assertThat(saved).singleElement().satisfies(c -> {
            assertThat(c.accessToken()).isPresent();
            assertThat(c.get(BlueskyCredentials.APP_PASSWORD)).contains(FakeBluesky.APP_PASSWORD);
            assertThat(requests.get(1).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + c.accessToken().get());
        });
    }

    @Test
    void anExpiredSession_isRefreshed_andTheRotatedOneHandedBack() throws Exception {
        Credentials session = fake.session();
        fake.expireAccessTokens();

        channel.deletePost(URI, session, saved::add);

        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly(
                        "POST com.atproto.repo.deleteRecord",
                        "POST com.atproto.server.refreshSession",
                        "POST com.atproto.repo.deleteRecord");
        assertThat(saved)
                .singleElement()
                .satisfies(c -> assertThat(c.refreshToken()).isPresent().isNotEqualTo(session.refreshToken()));
    }

    @Test
    void aRefusal_isABlueskyException_withCodeAndKind() {
        fake.script(
                "POST com.atproto.repo.deleteRecord",
                FakeBluesky.error(400, "InvalidSwap", "Record was at bafyreiother"));

        assertThatThrownBy(() -> channel.deletePost(URI, fake.session(), saved::add))
                .isInstanceOfSatisfying(BlueskyException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_swap");
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("Bluesky did not delete " + URI);
                });
    }

    @Test
    void anUnavailablePds_isARetryableBlueskyException() {
        fake.script("POST com.atproto.repo.deleteRecord", FakeBluesky.badGatewayHtml());

        assertThatThrownBy(() -> channel.deletePost(URI, fake.session(), saved::add))
                .isInstanceOfSatisfying(
                        BlueskyException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void somethingThatIsNotAPostsAtUri_isRefusedWithoutARequest() {
        assertThatThrownBy(() -> channel.deletePost("https://bsky.app/profile/x/post/y", fake.session(), saved::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the AT-URI of a Bluesky post");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void inDryRunMode_theDeleteIsBuiltAndShown_notSent() {
        var previews = new ArrayList<BlueskyRequestPreview>();
        BlueskyChannel dry = Fixtures.channel(fake).dryRun(previews::add).build();

        dry.deletePost(URI, fake.session(), saved::add);

        assertThat(previews).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("POST");
            assertThat(p.url()).endsWith("/xrpc/com.atproto.repo.deleteRecord");
            assertThat(p.headers()).containsEntry("Authorization", "[REDACTED]");
            assertThat(p.body()).contains(RKEY);
        });
        assertThat(fake.requestCount()).isZero();
    }
}
