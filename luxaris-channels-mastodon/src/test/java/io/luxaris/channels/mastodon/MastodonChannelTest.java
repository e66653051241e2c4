package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.errors.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider's catalog entry, its builder, the variant options and the instance URL rules. */
class MastodonChannelTest {
    private final MastodonChannel channel = MastodonChannel.builder().build();

    private static PostVariant variant(Map<String, String> metadata, List<MediaRef> media) {
        return Fixtures.variant("Hello", List.of(), media, metadata);
    }

    @Test
    void theDescriptor_isMastodonsDefaults() {
        ChannelLimits limits = channel.descriptor().limits();

        assertThat(channel.key()).isEqualTo("mastodon");
        assertThat(channel.descriptor().name()).isEqualTo("Mastodon");
        assertThat(limits.maxTextLength()).isEqualTo(500);
        assertThat(limits.maxMediaItems()).isEqualTo(4);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.supportsGif()).isTrue();
        assertThat(limits.supportsVideo()).isTrue();
        assertThat(limits.supportsLinks()).isTrue();
        assertThat(limits.maxThreadParts()).isEqualTo(25);
        assertThat(channel.textMeasure().unit()).isEqualTo("characters");
    }

    @Test
    void theBuilder_refusesBadSettings_namingThem() {
        assertThatThrownBy(() -> MastodonChannel.builder().instanceCacheTtl(Duration.ZERO))
                .hasMessage("instanceCacheTtl must be positive but was PT0S");
        assertThatThrownBy(() -> MastodonChannel.builder().mediaPollInterval(Duration.ofSeconds(-1)))
                .hasMessage("mediaPollInterval must be positive but was PT-1S");
        assertThatThrownBy(() -> MastodonChannel.builder().lookupGrace(Duration.ofSeconds(-1)))
                .hasMessage("lookupGrace must not be negative but was PT-1S");
        assertThatThrownBy(() -> MastodonChannel.builder().maxResponseBytes(10))
                .hasMessage("maxResponseBytes must be within 1024..67108864 but was 10");
        assertThatThrownBy(() -> MastodonChannel.builder()
                        .defaultInstance("http://mastodon.example")
                        .build())
                .hasMessage("defaultInstance: the instance URL must use https");
        assertThat(MastodonChannel.builder()
                        .defaultInstance("http://127.0.0.1:3000")
                        .allowPlainHttpOnLoopback()
                        .build())
                .isNotNull();
    }

    @Test
    void toString_showsSettings_butNoPathOfTheDefaultInstance() {
        String text = MastodonChannel.builder()
                .defaultInstance("https://social.example")
                .dryRun()
                .build()
                .toString();

        assertThat(text).contains("defaultInstance=social.example", "dryRun=true", "instanceTtl=PT1H");
    }

    @Test
    void validOptions_passValidation_andRoundTripThroughMetadata() {
        MastodonPostOptions options = MastodonPostOptions.defaults()
                .withVisibility(MastodonPostOptions.Visibility.PRIVATE)
                .withThreadReplies(MastodonPostOptions.Visibility.DIRECT)
                .withContentWarning("cw")
                .withLanguage("fil")
                .withSensitiveMedia()
                .withFocus(0, 0.5, -1);

        Map<String, String> metadata = options.toMetadata();

        assertThat(metadata)
                .containsExactly(
                        Map.entry("mastodon.visibility", "private"),
                        Map.entry("mastodon.reply_visibility", "direct"),
                        Map.entry("mastodon.spoiler_text", "cw"),
                        Map.entry("mastodon.language", "fil"),
                        Map.entry("mastodon.sensitive", "true"),
                        Map.entry("mastodon.focus.0", "0.5,-1"));
        assertThat(MastodonPostOptions.fromMetadata(metadata).options()).isEqualTo(options);
        assertThat(channel.validate(variant(metadata, List.of(MediaRef.image("a.png"))), Optional.empty()))
                .isEmpty();
        assertThat(MastodonPostOptions.defaults().toMetadata()).isEmpty();
    }

    @Test
    void repliesOfAPublicThread_areUnlisted_otherVisibilitiesAreKept() {
        assertThat(MastodonPostOptions.defaults().replyVisibility()).isEqualTo(MastodonPostOptions.Visibility.UNLISTED);
        assertThat(MastodonPostOptions.defaults()
                        .withVisibility(MastodonPostOptions.Visibility.DIRECT)
                        .replyVisibility())
                .isEqualTo(MastodonPostOptions.Visibility.DIRECT);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "mastodon.visibility, everyone, 'must be one of public, unlisted, private, direct'",
        "mastodon.reply_visibility, hidden, 'must be one of public, unlisted, private, direct'",
        "mastodon.language, English, must be an ISO 639 language code",
        "mastodon.sensitive, yes, must be true or false",
        "mastodon.focus.0, 2;0, 'must be x,y with both within -1..1'",
        "mastodon.focus.x, 0;0, the key must end with a media index",
        "mastodon.focus.3, 0;0, names attachment 3 but the variant has 1"
    })
    void badOptions_areViolations_namingFieldRuleAndReason(String key, String value, String reason) {
        List<Violation> violations = channel.validate(
                variant(Map.of(key, value.replace(';', ',')), List.of(MediaRef.image("a.png"))), Optional.empty());

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("metadata." + key);
            assertThat(v.rule()).isEqualTo("invalid_value");
            assertThat(v.message()).contains(reason);
        });
    }

    @Test
    void aConnectionWithoutItsInstance_orWithAnHttpOne_isAViolation() {
        assertThat(channel.validate(variant(Map.of(), List.of()), Optional.of(Fixtures.connection(Map.of()))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("connection.properties.instance_url");
                    assertThat(v.rule()).isEqualTo("required");
                });
        assertThat(channel.validate(
                        variant(Map.of(), List.of()),
                        Optional.of(Fixtures.connection(
                                Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, "http://127.0.0.1:9")))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("invalid_instance_url");
                    assertThat(v.message()).isEqualTo("the instance URL must use https");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://user:pw@mastodon.social, must not carry user information",
        "https://mastodon.social/?token=abc, must not have a query or fragment",
        "https://mastodon.social/#top, must not have a query or fragment",
        "https://mastodon.social/api, without a path",
        "ftp://mastodon.social, not an http(s) URL",
        "http://10.0.0.7:3000, plain http is allowed for loopback hosts only",
        "http://127.example.com, plain http is allowed for loopback hosts only"
    })
    void instanceUrlsThatAreNotAnInstancesRoot_areRefused(String url, String reason) {
        MastodonChannel loopbackAllowed =
                MastodonChannel.builder().allowPlainHttpOnLoopback().build();

        assertThatThrownBy(() -> loopbackAllowed.deleteStatus(url, "1", "token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void loopbackHosts_mayUsePlainHttp_whenTheBuilderAllowsIt() {
        MastodonChannel loopbackAllowed =
                MastodonChannel.builder().allowPlainHttpOnLoopback().build();

        for (String url : List.of("http://localhost:1", "http://127.0.0.1:1", "http://[::1]:1")) {
            assertThatThrownBy(() -> loopbackAllowed.deleteStatus(url, "1", "token"))
                    .as(url)
                    .isInstanceOfSatisfying(
                            MastodonException.class, e -> assertThat(e.error()).isEqualTo("connect_failed"));
        }
    }
}
