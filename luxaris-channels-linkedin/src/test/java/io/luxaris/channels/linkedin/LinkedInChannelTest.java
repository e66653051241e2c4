package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.security.Principal;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provider itself: key, descriptor, measure, registration and discovery, and the module descriptor. */
class LinkedInChannelTest {
    @Test
    void descriptor_declaresLinkedInsLimits() {
        var channel = new LinkedInChannel();
        assertThat(channel.key()).isEqualTo("linkedin");
        assertThat(channel.descriptor().name()).isEqualTo("LinkedIn");
        ChannelLimits limits = channel.descriptor().limits();
        assertThat(limits.maxTextLength()).isEqualTo(3000);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.maxMediaItems()).isEqualTo(20);
        assertThat(limits.supportsGif()).isTrue();
        assertThat(limits.supportsVideo()).isFalse();
        assertThat(limits.supportsLinks()).isTrue();
        assertThat(limits.supportsThreads()).isFalse();
        assertThat(limits.maxPostsPerDay()).isEmpty();
        assertThat(channel.limitsFor(Fixtures.member())).isEqualTo(limits);
        // a first comment through the Comments API (docs/platforms/linkedin.md §2.7); LinkedIn posts have no replies
        assertThat(channel.descriptor().followUps()).containsExactly(io.luxaris.domain.FollowUpKind.COMMENT);
    }

    @Test
    void textMeasure_isCodePointsOfTheEscapedText() {
        var measure = new LinkedInChannel().textMeasure();
        assertThat(measure.measure("")).isZero();
        assertThat(measure.measure("hello")).isEqualTo(5);
        assertThat(measure.measure("(hi)")).isEqualTo(6);
        assertThat(measure.measure("😀")).isEqualTo(1);
        assertThat(measure.unit()).contains("escaped");
    }

    @Test
    void validate_acceptsAPlainVariant_andAsksForTheAuthorUrn() {
        var channel = new LinkedInChannel();
        assertThat(channel.validate(Fixtures.variant("Hello"), Optional.of(Fixtures.member())))
                .isEmpty();
        assertThat(channel.validate(Fixtures.variant("Hello"), Optional.empty()))
                .isEmpty();
        assertThat(channel.validate(
                        Fixtures.variant("Hello"),
                        Optional.of(Fixtures.connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, "me")))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("author_urn");
                    assertThat(v.field()).isEqualTo("connection.properties.author_urn");
                });
    }

    @Test
    void explicitRegistration_putsLinkedInInTheCatalog() {
        try (Luxaris luxaris = Luxaris.builder().channel(new LinkedInChannel()).build()) {
            assertThat(luxaris.channels().catalog(Principal.of("p")))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.key()).isEqualTo("linkedin");
                        assertThat(c.limits().maxTextLength()).isEqualTo(3000);
                    });
        }
    }

    @Test
    void discovery_findsTheProvider_throughServiceLoaderAndDiscoverPlugins() {
        assertThat(ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(LinkedInChannel.class);
        try (Luxaris luxaris = Luxaris.builder().discoverPlugins().build()) {
            assertThat(luxaris.channels().catalog(Principal.of("p")))
                    .anySatisfy(c -> assertThat(c.key()).isEqualTo("linkedin"));
        }
    }

    @Test
    void moduleDescriptor_exportsTheApiPackageOnly_andProvidesTheChannel() throws Exception {
        Path classes = Path.of(LinkedInChannel.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ModuleDescriptor module = ModuleFinder.of(classes)
                .find("io.luxaris.channels.linkedin")
                .orElseThrow()
                .descriptor();
        assertThat(module.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.luxaris.channels.linkedin");
        assertThat(module.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(ChannelProvider.class.getName());
            assertThat(p.providers()).containsExactly(LinkedInChannel.class.getName());
        });
        Set<String> required =
                module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(required).contains("io.luxaris", "okhttp3", "com.fasterxml.jackson.databind", "org.slf4j");
    }

    @Test
    void publicSurface_isSmall_everythingElseIsPackagePrivate() throws Exception {
        Path classes = Path.of(LinkedInChannel.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> publicTopLevel;
        try (var files = Files.list(classes.resolve("io/luxaris/channels/linkedin"))) {
            publicTopLevel = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> "io.luxaris.channels.linkedin." + n.substring(0, n.length() - ".class".length()))
                    .filter(LinkedInChannelTest::isPublic)
                    .map(n -> n.substring(n.lastIndexOf('.') + 1))
                    .collect(Collectors.toSet());
        }
        assertThat(publicTopLevel)
                .containsExactlyInAnyOrder(
                        "LinkedInChannel",
                        "LinkedInText",
                        "LinkedInOAuth",
                        "LinkedInException",
                        "LinkedInRequestPreview");
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
