package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider: limits, discovery, builder validation, dry runs. */
class BlueskyChannelTest {
    @Test
    void descriptor_declares300Graphemes_fourImages_linksAndThreads_noGifOrVideo() {
        ChannelLimits limits = new BlueskyChannel().descriptor().limits();

        assertThat(new BlueskyChannel().key()).isEqualTo("bluesky");
        assertThat(new BlueskyChannel().descriptor().name()).isEqualTo("Bluesky");
        assertThat(limits.maxTextLength()).isEqualTo(300);
        assertThat(limits.maxMediaItems()).isEqualTo(4);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.supportsGif()).isFalse();
        assertThat(limits.supportsVideo()).isFalse();
        assertThat(limits.supportsLinks()).isTrue();
        assertThat(limits.supportsThreads()).isTrue();
    }

    @Test
    void serviceLoader_findsTheChannel_withTheDefaultPds() {
        assertThat(ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.key().equals("bluesky"))
                .singleElement()
                .satisfies(
                        p -> assertThat(((BlueskyChannel) p).pdsUrl()).isEqualTo(URI.create("https://bsky.social/")));
    }

    @Test
    void builder_refusesBadSettings_namingTheSettingAndValue() {
        assertThatThrownBy(() -> BlueskyChannel.builder().pdsUrl("bsky.social"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pdsUrl must be an http(s) URL but was 'bsky.social'");
        assertThatThrownBy(() -> BlueskyChannel.builder().maxImageBytes(0))
                .hasMessage("maxImageBytes must be within 1..52428800 but was 0");
        assertThatThrownBy(() -> BlueskyChannel.builder().loginsPerFiveMinutes(31))
                .hasMessage("loginsPerFiveMinutes must be within 1..30 but was 31");
        assertThatThrownBy(() -> BlueskyChannel.builder().languages("en", "de", "fr", "es"))
                .hasMessage("languages takes at most 3 tags but got 4");
        assertThatThrownBy(() -> BlueskyChannel.builder().languages("english!"))
                .hasMessage("'english!' is not a language tag (en, de, pt-BR...)");
        assertThatThrownBy(() -> BlueskyChannel.builder().writePointsPerAccount(6_000, 35_000))
                .hasMessage("writePointsPerAccount: perHour must be within 3..5000 but was 6000");
        assertThatThrownBy(() -> BlueskyChannel.builder().maxResponseBytes(10))
                .hasMessageContaining("maxResponseBytes");
        assertThat(BlueskyChannel.builder()
                        .pdsUrl(URI.create("https://pds.example.org"))
                        .build()
                        .pdsUrl())
                .isEqualTo(URI.create("https://pds.example.org/"));
    }

    @Test
    void connectionRequest_keepsTheIdentifierAsAProperty_andOnlyThePasswordAsACredential() {
        var request = BlueskyCredentials.connectionRequest("@alice.bsky.social", "abcd-efgh-ijkl-mnop");

        assertThat(request.channel()).isEqualTo("bluesky");
        assertThat(request.displayName()).isEqualTo("@alice.bsky.social");
        assertThat(request.properties()).isEqualTo(Map.of("identifier", "alice.bsky.social"));
        assertThat(request.credentials().values()).isEqualTo(Map.of("app_password", "abcd-efgh-ijkl-mnop"));
        assertThat(BlueskyCredentials.connectionRequest("did:plc:abc123", "x").displayName())
                .isEqualTo("did:plc:abc123");
        assertThatThrownBy(() -> BlueskyCredentials.appPassword(" ")).hasMessage("appPassword must not be blank");
    }

    @Test
    void postUrl_isTheBskyAppAddressOfTheAtUri() {
        assertThat(BlueskyChannel.postUrl("at://did:plc:abc123/app.bsky.feed.post/3n32f522m222b"))
                .isEqualTo("https://bsky.app/profile/did:plc:abc123/post/3n32f522m222b");
        assertThatThrownBy(() -> BlueskyChannel.postUrl("at://did:plc:abc123/app.bsky.feed.like/3n32f522m222b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDryRun_buildsEveryRequest_sendsNone_andEndsAsADryRun() throws Exception {
        var previews = new ArrayList<BlueskyRequestPreview>();
        try (var fake = new FakeBluesky();
                ChannelPublisher publisher = Fixtures.channel(fake)
                        .dryRun(previews::add)
                        .build()
                        .createPublisher(
                                Fixtures.environment(Fixtures.library(Map.of("logo.png", Fixtures.png(10, 10, 64)))))) {
            PublishOutcome outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant(
                            "Hello @alice.bsky.social",
                            List.of("Part two"),
                            List.of(MediaRef.image("logo.png", "logo")))),
                    new Fixtures.Context(
                            FakeBluesky.appPassword(),
                            java.time.Clock.systemUTC(),
                            Fixtures.library(Map.of("logo.png", Fixtures.png(10, 10, 64)))));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                    .contains("com.atproto.repo.createRecord not sent, 2 posts as a thread: [Hello @alice.bsky.social,"
                            + " Part two]"));
            assertThat(fake.requestCount()).isZero();
        }
        assertThat(previews)
                .extracting(p -> p.method() + " " + p.url().replaceAll("^http://[^/]+", ""))
                .containsExactly(
                        "POST /xrpc/com.atproto.repo.uploadBlob",
                        "GET /xrpc/com.atproto.identity.resolveHandle?handle=alice.bsky.social",
                        "POST /xrpc/com.atproto.repo.createRecord",
                        "POST /xrpc/com.atproto.repo.createRecord");
        assertThat(previews.get(0).body()).isEqualTo("<64 bytes image/png>");
        assertThat(previews.get(2).headers()).containsEntry("Authorization", "[REDACTED]");
        assertThat(previews.get(3).body()).contains("\"reply\":{\"root\":{\"uri\":\"at://did:plc:abc123/");
    }
}
