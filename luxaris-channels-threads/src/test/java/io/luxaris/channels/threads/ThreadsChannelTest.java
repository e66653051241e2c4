package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.ChannelProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider: key, limits, the builder's checks, media validation and discovery. */
class ThreadsChannelTest {
    @Test
    void theDescriptor_statesThreadsLimits() {
        ThreadsChannel channel = new ThreadsChannel();

        assertThat(channel.key()).isEqualTo("threads");
        assertThat(channel.descriptor().name()).isEqualTo("Threads");
        ChannelLimits limits = channel.descriptor().limits();
        assertThat(limits.maxTextLength()).isEqualTo(500);
        assertThat(limits.maxMediaItems()).isEqualTo(10);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.supportsGif()).isFalse();
        assertThat(limits.supportsVideo()).isFalse();
        assertThat(limits.supportsLinks()).isTrue();
        assertThat(limits.supportsThreads()).isTrue();
        assertThat(limits.maxPostsPerDay()).hasValue(250);
        assertThat(channel.baseUrl()).hasToString("https://graph.threads.net/");
    }

    @Test
    void serviceLoader_findsTheChannel() {
        assertThat(ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(ThreadsChannel.class);
    }

    @Test
    void theBuilder_refusesBadSettings_namingThem() {
        assertThatThrownBy(() -> ThreadsChannel.builder().baseUrl("not a url")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> ThreadsChannel.builder().apiVersion("1.0")).hasMessageContaining("apiVersion");
        assertThatThrownBy(() -> ThreadsChannel.builder().refreshAhead(Duration.ofDays(59)))
                .hasMessageContaining("refreshAhead");
        assertThatThrownBy(() -> ThreadsChannel.builder().pollInterval(Duration.ZERO))
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> ThreadsChannel.builder().containerTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("containerTimeout");
        assertThatThrownBy(() -> ThreadsChannel.builder().publishTries(0)).hasMessageContaining("publishTries");
        assertThatThrownBy(() -> ThreadsChannel.builder().mediaNotFoundDelay(Duration.ofSeconds(-2)))
                .hasMessageContaining("mediaNotFoundDelay");
        assertThatThrownBy(() -> ThreadsChannel.builder().maxResponseBytes(10))
                .hasMessageContaining("maxResponseBytes");
    }

    @Test
    void validate_withReferencesAsUrls_refusesReferencesThatAreNotPublicHttpsUrls() {
        ThreadsChannel channel = ThreadsChannel.builder().build();
        var variant = Fixtures.variant(
                "Pictures",
                List.of(),
                List.of(
                        MediaRef.image("https://cdn.example.com/a.png"),
                        MediaRef.image("library/42"),
                        MediaRef.image("http://cdn.example.com/b.png"),
                        MediaRef.image("https://user:pw@cdn.example.com/c.png")));

        assertThat(channel.validate(variant, Optional.empty()))
                .extracting(v -> v.field() + " " + v.rule())
                .containsExactly("media[1].ref public_url", "media[2].ref public_url", "media[3].ref public_url");
    }

    @Test
    void validate_withTheHostsResolver_leavesReferencesToIt() {
        ThreadsChannel channel = ThreadsChannel.builder()
                .mediaUrls(media -> java.net.URI.create("https://cdn.example.com/" + media.ref()))
                .build();

        assertThat(channel.validate(
                        Fixtures.variant("Pictures", List.of(), List.of(MediaRef.image("library/42"))),
                        Optional.empty()))
                .isEmpty();
    }

    @Test
    void toString_showsTheSettings_butNoSecret() {
        ThreadsChannel channel = ThreadsChannel.builder()
                .baseUrl("https://proxy.example.com/")
                .dryRun()
                .build();

        assertThat(channel.toString()).contains("proxy.example.com").contains("dryRun=true");
        assertThat(channel.isDryRun()).isTrue();
    }
}
