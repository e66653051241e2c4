package io.luxaris.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NUL and unpaired surrogates are refused in every text a user can pass, with rule {@code invalid_character} on
 * the field, before anything is stored; the same for every storage because core checks it (PostgreSQL refused NUL
 * with a raw storage error, and stored unpaired surrogates as {@code ?}).
 */
class InvalidCharacterTest {
    private static final List<String> BAD = List.of("a\u0000b", "lone \uD83D high", "lone \uDE00 low", "end \uD83D");

    private final Luxaris luxaris =
            Luxaris.builder().channel(TestChannel.of("test")).build();
    private final Principal alice = Principal.of("alice");
    private final ChannelConnection account =
            luxaris.channels().connect(alice, ConnectionRequest.of("test", "@alice", Credentials.bearer("token-1234")));
    private final PostVariant variant = luxaris.posts()
            .create(alice, PostDraft.of("base").withVariant(VariantDraft.of("test", "hello")))
            .firstVariant();
    private final io.luxaris.domain.PostTemplate template =
            luxaris.templates().create(alice, TemplateDraft.of("t1", "Hello {{a}}"));

    @AfterEach
    void close() {
        luxaris.close();
    }

    private String counts() {
        return luxaris.posts().list(alice, PostQuery.all()).items().size() + " posts, "
                + luxaris.posts().get(alice, variant.postId()).variants().size() + " variants, "
                + luxaris.templates().list(alice).size() + " templates, "
                + luxaris.channels().list(alice).size() + " connections, "
                + luxaris.generation().list(alice, 500).size() + " sessions, "
                + luxaris.channels().get(alice, account.id()).displayName() + ", "
                + luxaris.posts().get(alice, variant.postId()).post().version() + ", "
                + luxaris.posts().variant(alice, variant.id()).version();
    }

    private void refused(String field, Consumer<String> call) {
        for (String bad : BAD) {
            String before = counts();
            assertThatThrownBy(() -> call.accept(bad))
                    .as(
                            "%s with %s",
                            field,
                            bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.violations()).as(e.getMessage()).anySatisfy(v -> {
                                assertThat(v.field()).isEqualTo(field);
                                assertThat(v.rule()).isEqualTo(Validation.INVALID_CHARACTER);
                                assertThat(v.message()).contains("position").doesNotContain(bad);
                            }));
            assertThat(counts()).as("nothing written by a refused %s", field).isEqualTo(before);
        }
    }

    @Test
    void postTexts_areRefused() {
        refused("title", s -> luxaris.posts().create(alice, PostDraft.of("x").withTitle(s)));
        refused("baseContent", s -> luxaris.posts().create(alice, PostDraft.of(s)));
        refused("tags[1]", s -> luxaris.posts().create(alice, PostDraft.of("x").withTags("ok", s)));
        refused("metadata", s -> luxaris.posts().create(alice, PostDraft.of("x").withMetadata(Map.of(s, "v"))));
        refused("metadata.k", s -> luxaris.posts()
                .create(alice, PostDraft.of("x").withMetadata(Map.of("k", s))));
        refused("variants[0].content", s -> luxaris.posts()
                .create(alice, PostDraft.of("x").withVariant(VariantDraft.of("test", s))));
        refused("title", s -> luxaris.posts()
                .update(
                        alice,
                        variant.postId(),
                        PostUpdate.from(luxaris.posts()
                                        .get(alice, variant.postId())
                                        .post())
                                .withTitle(s)));
        refused("baseContent", s -> luxaris.posts()
                .update(
                        alice,
                        variant.postId(),
                        PostUpdate.from(luxaris.posts()
                                        .get(alice, variant.postId())
                                        .post())
                                .withBaseContent(s)));
        refused("tag", s -> luxaris.posts().list(alice, PostQuery.all().withTag(s)));
    }

    @Test
    void variantTexts_areRefused() {
        refused("content", s -> luxaris.posts().addVariant(alice, variant.postId(), VariantDraft.of("test", s)));
        refused("thread[0]", s -> luxaris.posts()
                .addVariant(
                        alice, variant.postId(), VariantDraft.of("test", "x").withThread(List.of(s))));
        refused("media[0].ref", s -> luxaris.posts()
                .addVariant(
                        alice, variant.postId(), VariantDraft.of("test", "x").withMedia(List.of(MediaRef.image(s)))));
        refused("media[0].altText", s -> luxaris.posts()
                .addVariant(
                        alice,
                        variant.postId(),
                        VariantDraft.of("test", "x").withMedia(List.of(MediaRef.image("img-1", s)))));
        refused("tone", s -> luxaris.posts()
                .addVariant(
                        alice, variant.postId(), VariantDraft.of("test", "x").withTone(s)));
        refused("metadata.utm", s -> luxaris.posts()
                .addVariant(
                        alice, variant.postId(), VariantDraft.of("test", "x").withMetadata(Map.of("utm", s))));
        refused("content", s -> luxaris.posts()
                .updateVariant(
                        alice,
                        variant.id(),
                        VariantUpdate.from(luxaris.posts().variant(alice, variant.id()))
                                .withContent(s)));
        refused(
                "content",
                s -> luxaris.posts().check(alice, VariantDraft.of("test", s)).forEach(v -> {
                    throw new ValidationException(List.of(v));
                }));
    }

    @Test
    void templateTexts_areRefused() {
        refused("name", s -> luxaris.templates().create(alice, TemplateDraft.of(s, "body")));
        refused("description", s -> luxaris.templates()
                .create(alice, TemplateDraft.of("t2", "body").withDescription(s)));
        refused("body", s -> luxaris.templates().create(alice, TemplateDraft.of("t2", s)));
        refused("body", s -> luxaris.templates().update(alice, template.id(), TemplateDraft.of("t1", s)));
        refused("constraints.defaultTone", s -> luxaris.templates()
                .create(
                        alice,
                        TemplateDraft.of("t2", "body")
                                .withConstraints(
                                        new TemplateConstraints(OptionalInt.empty(), Optional.of(s), List.of()))));
        refused("constraints.tonePresets[0]", s -> luxaris.templates()
                .create(
                        alice,
                        TemplateDraft.of("t2", "body")
                                .withConstraints(
                                        new TemplateConstraints(OptionalInt.empty(), Optional.empty(), List.of(s)))));
        refused("values.a", s -> luxaris.templates().render(alice, template.id(), Map.of("a", s)));
    }

    @Test
    void connectionTexts_andCredentials_areRefused_withoutEchoingThem() {
        refused("displayName", s -> luxaris.channels()
                .connect(alice, ConnectionRequest.of("test", s, Credentials.bearer("token-1234"))));
        refused("properties.username", s -> luxaris.channels()
                .connect(
                        alice,
                        ConnectionRequest.of("test", "@a", Credentials.bearer("token-1234"))
                                .withProperties(Map.of("username", s))));
        refused("credentials.access_token", s -> luxaris.channels()
                .connect(alice, ConnectionRequest.of("test", "@a", Credentials.bearer("token-" + s))));
        refused("credentials.access_token", s -> luxaris.channels()
                .reconnect(alice, account.id(), Credentials.bearer("token-" + s)));
        refused("displayName", s -> luxaris.channels().rename(alice, account.id(), s, Map.of()));
        refused("properties.k", s -> luxaris.channels().rename(alice, account.id(), "@b", Map.of("k", s)));
    }

    @Test
    void generationScheduleAndCalendarTexts_areRefused() {
        refused("prompt", s -> luxaris.generation().generate(alice, GenerationRequest.of(s, "test")));
        refused("tone", s -> luxaris.generation()
                .generate(alice, GenerationRequest.of("x", "test").withTone(s)));
        refused("templateValues.a", s -> luxaris.generation()
                .generate(alice, GenerationRequest.of("x", "test").withTemplate(template.id(), Map.of("a", s))));
        refused("resolution.externalId", s -> luxaris.schedules()
                .resolveUnconfirmed(alice, ScheduleId.random(), UnconfirmedResolution.published(s, null)));
        refused("resolution.url", s -> luxaris.schedules()
                .resolveUnconfirmed(alice, ScheduleId.random(), UnconfirmedResolution.published("1", s)));
        refused("filter.tag", s -> luxaris.calendar()
                .between(
                        alice,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-02T00:00:00Z"),
                        CalendarFilter.none().tag(s)));
    }

    @Test
    void aPrincipalIdCannotHoldThem_either() {
        for (String bad : BAD) {
            assertThatThrownBy(() -> Principal.of(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position");
        }
    }

    @Test
    void wellFormedText_withPairedSurrogatesAndControls_isKept() {
        String text = "emoji \uD83D\uDE00, tab\t, newline\n, CJK \u4E2D";
        var post = luxaris.posts().create(alice, PostDraft.of(text).withVariant(VariantDraft.of("test", text)));
        assertThat(post.post().baseContent()).isEqualTo(text);
        assertThat(post.firstVariant().content()).isEqualTo(text);
    }
}
