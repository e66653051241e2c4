package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.security.Principal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class XChannelTest {
    private final XChannel channel = XChannel.builder().build();

    @Test
    void descriptor_declaresXsLimitsAndCapabilities() {
        assertThat(channel.key()).isEqualTo("x");
        assertThat(channel.descriptor().name()).isEqualTo("X");
        ChannelLimits limits = channel.descriptor().limits();
        assertThat(limits.maxTextLength()).isEqualTo(280);
        assertThat(limits.maxMediaItems()).isEqualTo(4);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.supportsGif()).isTrue();
        assertThat(limits.supportsVideo()).isTrue();
        assertThat(limits.supportsLinks()).isTrue();
        assertThat(limits.supportsThreads()).isTrue();
        assertThat(channel.textMeasure().unit()).isEqualTo("weighted characters");
    }

    @Test
    void limitsFor_anAccountWithALargerAllowance_raisesTheTextLimitOnly() {
        ChannelLimits limits =
                channel.limitsFor(Fixtures.connection(Map.of(XChannel.PROPERTY_MAX_TEXT_LENGTH, "25000")));

        assertThat(limits.maxTextLength()).isEqualTo(25_000);
        assertThat(limits.maxMediaItems()).isEqualTo(4);
    }

    @Test
    void limitsFor_anUnusableAllowance_keepsTheDefault() {
        for (String bad : List.of("lots", "0", "-5", "1000000")) {
            assertThat(channel.limitsFor(Fixtures.connection(Map.of(XChannel.PROPERTY_MAX_TEXT_LENGTH, bad)))
                            .maxTextLength())
                    .as(bad)
                    .isEqualTo(280);
        }
        assertThat(channel.limitsFor(Fixtures.connection()).maxTextLength()).isEqualTo(280);
    }

    @Test
    void isDiscoverableThroughServiceLoader() {
        assertThat(ServiceLoader.load(ChannelProvider.class).stream())
                .anySatisfy(p -> assertThat(p.type()).isEqualTo(XChannel.class));
        try (Luxaris luxaris = Luxaris.builder().discoverPlugins().build()) {
            assertThat(luxaris.channels().catalog(Principal.of("p")))
                    .extracting(Channel::key)
                    .contains("x");
        }
    }

    @Test
    void isRegistrableExplicitly() {
        try (Luxaris luxaris = Luxaris.builder()
                .channel(XChannel.builder().oauth2Client("client").build())
                .build()) {
            assertThat(luxaris.channels().catalog(Principal.of("p")))
                    .singleElement()
                    .satisfies(c -> assertThat(c.key()).isEqualTo("x"));
            assertThat(luxaris.channels()
                            .limits(Principal.of("p"), "x", Optional.empty())
                            .maxTextLength())
                    .isEqualTo(280);
        }
    }

    @Test
    void validate_refusesCharactersXRefuses() {
        var violations = channel.validate(
                Fixtures.variant("bad \uFFFE char", List.of("fine", "also \uFEFF bad"), List.of()), Optional.empty());

        assertThat(violations)
                .extracting(v -> v.field() + ":" + v.rule())
                .containsExactly("content:invalid_characters", "thread[1]:invalid_characters");
    }

    @Test
    void validate_refusesAltTextLongerThanXAccepts() {
        var violations = channel.validate(
                Fixtures.variant(
                        "pic",
                        List.of(),
                        List.of(MediaRef.image("ok", "a".repeat(1000)), MediaRef.image("long", "a".repeat(1001)))),
                Optional.empty());

        assertThat(violations)
                .extracting(v -> v.field() + ":" + v.rule())
                .containsExactly("media[1].altText:max_length");
    }

    @Test
    void builder_refusesBadSettings_namingThem() {
        assertThatThrownBy(() -> XChannel.builder().baseUrl("not a url")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> XChannel.builder().readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> XChannel.builder().connectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> XChannel.builder().oauth2Client(" ")).hasMessageContaining("clientId");
        assertThatThrownBy(() -> XChannel.builder().mediaChunkSize(0)).hasMessageContaining("mediaChunkSize");
        assertThatThrownBy(() -> XChannel.builder().mediaChunkSize(6 * 1024 * 1024))
                .hasMessageContaining("mediaChunkSize");
        assertThatThrownBy(() -> XChannel.builder().lookupGrace(Duration.ofSeconds(-1)))
                .hasMessageContaining("lookupGrace");
    }

    @Test
    void baseUrl_isConfigurable_forProxiesAndTests() {
        XChannel proxied = XChannel.builder()
                .baseUrl(URI.create("https://proxy.example/x-api/"))
                .build();

        assertThat(proxied.baseUrl()).isEqualTo(URI.create("https://proxy.example/x-api/"));
        assertThat(channel.baseUrl()).isEqualTo(URI.create("https://api.x.com/"));
        assertThat(XChannel.builder().dryRun().build().isDryRun()).isTrue();
    }

    @Test
    void toString_showsNoSecret() {
        XChannel configured = XChannel.builder()
                .oauth2Client("client-id-value", "client-secret-value")
                .oauth1Consumer("consumer-key-value", "consumer-secret-value")
                .build();

        assertThat(configured.toString())
                .doesNotContain("client-id-value")
                .doesNotContain("client-secret-value")
                .doesNotContain("consumer-key-value")
                .doesNotContain("consumer-secret-value");
    }
}
