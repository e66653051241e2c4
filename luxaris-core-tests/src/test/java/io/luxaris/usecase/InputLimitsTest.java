package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PageRequest;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every size limit: at the limit it is accepted, one past it is a ValidationException naming field and rule. */
class InputLimitsTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel fake = ScriptedChannel.builder("fake")
            .maxTextLength(Limits.VARIANT_CONTENT)
            .build();
    private final Luxaris luxaris = Luxaris.builder().channel(fake).clock(clock).build();
    private final Principal alice = Principal.of("alice");

    @AfterEach
    void close() {
        luxaris.close();
    }

    private static void rejected(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .as(e.getMessage())
                .anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.rule()).isEqualTo(rule);
                    assertThat(v.message()).isNotBlank();
                }));
    }

    private static String text(int n) {
        return "a".repeat(n);
    }

    private static List<String> list(int n, String prefix) {
        var list = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            list.add(prefix + i);
        }
        return list;
    }

    private static Map<String, String> map(int n) {
        var map = new HashMap<String, String>();
        for (int i = 0; i < n; i++) {
            map.put("k" + i, "v");
        }
        return map;
    }

    @Test
    void postFields() {
        luxaris.posts().create(alice, PostDraft.of(text(Limits.BASE_CONTENT)).withTitle(text(Limits.TITLE)));
        rejected(
                () -> luxaris.posts().create(alice, PostDraft.of(text(Limits.BASE_CONTENT + 1))),
                "baseContent",
                "max_length");
        rejected(
                () -> luxaris.posts().create(alice, PostDraft.of("x").withTitle(text(Limits.TITLE + 1))),
                "title",
                "max_length");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withTitle(" ")), "title", "required");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of(null)), "baseContent", "required");

        luxaris.posts().create(alice, PostDraft.of("x").withTags(list(Limits.TAGS, "t")));
        rejected(
                () -> luxaris.posts().create(alice, PostDraft.of("x").withTags(list(Limits.TAGS + 1, "t"))),
                "tags",
                "too_many");
        luxaris.posts().create(alice, PostDraft.of("x").withTags(text(Limits.TAG)));
        rejected(
                () -> luxaris.posts().create(alice, PostDraft.of("x").withTags(text(Limits.TAG + 1))),
                "tags[0]",
                "max_length");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withTags("ok", " ")), "tags[1]", "required");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withTags("a\nb")), "tags[0]", "pattern");

        luxaris.posts().create(alice, PostDraft.of("x").withMetadata(map(Limits.METADATA_ENTRIES)));
        rejected(
                () -> luxaris.posts().create(alice, PostDraft.of("x").withMetadata(map(Limits.METADATA_ENTRIES + 1))),
                "metadata",
                "too_many");
        rejected(
                () -> luxaris.posts()
                        .create(alice, PostDraft.of("x").withMetadata(Map.of("k", text(Limits.METADATA_VALUE + 1)))),
                "metadata.k",
                "max_length");
        rejected(
                () -> luxaris.posts()
                        .create(alice, PostDraft.of("x").withMetadata(Map.of(text(Limits.METADATA_KEY + 1), "v"))),
                "metadata",
                "max_length");
    }

    @Test
    void variantFields_andNothingIsHalfWritten() {
        var post = luxaris.posts().create(alice, PostDraft.of("x")).post();
        luxaris.posts().addVariant(alice, post.id(), VariantDraft.of("fake", text(Limits.VARIANT_CONTENT)));
        rejected(
                () -> luxaris.posts()
                        .addVariant(alice, post.id(), VariantDraft.of("fake", text(Limits.VARIANT_CONTENT + 1))),
                "content",
                "max_length");
        rejected(
                () -> luxaris.posts()
                        .addVariant(
                                alice,
                                post.id(),
                                VariantDraft.of("fake", "x").withThread(list(Limits.THREAD_PARTS + 1, "p"))),
                "thread",
                "too_many");
        var media = new ArrayList<MediaRef>();
        for (int i = 0; i <= Limits.MEDIA; i++) {
            media.add(MediaRef.image("img" + i));
        }
        rejected(
                () -> luxaris.posts()
                        .addVariant(
                                alice, post.id(), VariantDraft.of("fake", "x").withMedia(media)),
                "media",
                "too_many");
        rejected(
                () -> luxaris.posts()
                        .addVariant(
                                alice,
                                post.id(),
                                VariantDraft.of("fake", "x")
                                        .withMedia(List.of(MediaRef.image(text(Limits.MEDIA_REF + 1))))),
                "media[0].ref",
                "max_length");
        rejected(
                () -> luxaris.posts()
                        .addVariant(
                                alice, post.id(), VariantDraft.of("fake", "x").withTone(text(Limits.TONE + 1))),
                "tone",
                "max_length");
        rejected(
                () -> luxaris.posts().addVariant(alice, post.id(), VariantDraft.of("nope", "x")),
                "channel",
                "unknown_channel");
        assertThat(luxaris.posts().get(alice, post.id()).variants()).hasSize(1);

        // a post with an invalid first variant is not created at all
        int before = luxaris.posts().list(alice, PostQuery.all()).items().size();
        rejected(
                () -> luxaris.posts()
                        .create(
                                alice,
                                PostDraft.of("x")
                                        .withVariant(VariantDraft.of("fake", text(Limits.VARIANT_CONTENT + 1)))),
                "variants[0].content",
                "max_length");
        assertThat(luxaris.posts().list(alice, PostQuery.all()).items()).hasSize(before);
    }

    @Test
    void connectionFields_neverEchoASecret() {
        connect(luxaris, alice, "fake", text(Limits.DISPLAY_NAME));
        rejected(
                () -> luxaris.channels()
                        .connect(
                                alice,
                                ConnectionRequest.of(
                                        "fake", text(Limits.DISPLAY_NAME + 1), Credentials.bearer("tok-1234"))),
                "displayName",
                "max_length");
        rejected(
                () -> luxaris.channels().connect(alice, ConnectionRequest.of("fake", "@a", Credentials.of(Map.of()))),
                "credentials",
                "required");
        rejected(
                () -> luxaris.channels().connect(alice, ConnectionRequest.of("fake", "@a", null)),
                "credentials",
                "required");
        String hugeSecret = "s3cr3t-" + text(Limits.CREDENTIAL_VALUE);
        assertThatThrownBy(() -> luxaris.channels()
                        .connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer(hugeSecret))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).contains("credentials.access_token");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t");
                });
    }

    @Test
    void templateFields() {
        luxaris.templates().create(alice, TemplateDraft.of(text(Limits.TEMPLATE_NAME), text(Limits.TEMPLATE_BODY)));
        rejected(
                () -> luxaris.templates().create(alice, TemplateDraft.of(text(Limits.TEMPLATE_NAME + 1), "x")),
                "name",
                "max_length");
        rejected(
                () -> luxaris.templates().create(alice, TemplateDraft.of("b", text(Limits.TEMPLATE_BODY + 1))),
                "body",
                "max_length");
        rejected(
                () -> luxaris.templates()
                        .create(
                                alice,
                                TemplateDraft.of("c", "x").withDescription(text(Limits.TEMPLATE_DESCRIPTION + 1))),
                "description",
                "max_length");
        var t = luxaris.templates().create(alice, TemplateDraft.of("d", "{{a}}"));
        rejected(
                () -> luxaris.templates().render(alice, t.id(), map(Limits.TEMPLATE_VALUES + 1)), "values", "too_many");
        rejected(
                () -> luxaris.templates().render(alice, t.id(), Map.of("a", text(Limits.TEMPLATE_VALUE + 1))),
                "values.a",
                "max_length");
    }

    @Test
    void generationAndPaging() {
        rejected(
                () -> luxaris.generation().generate(alice, GenerationRequest.of(text(Limits.PROMPT + 1), "fake")),
                "prompt",
                "max_length");
        rejected(
                () -> luxaris.generation()
                        .generate(alice, GenerationRequest.of("x", "fake").withCount(Limits.GENERATION_COUNT + 1)),
                "count",
                "range");
        rejected(() -> luxaris.generation().generate(alice, GenerationRequest.of("x")), "channels", "required");
        rejected(
                () -> luxaris.generation()
                        .generate(alice, GenerationRequest.of("x", "fake").usingGenerator("gpt-99")),
                "generator",
                "unknown_generator");
        rejected(
                () -> luxaris.posts()
                        .list(alice, PostQuery.all().withPage(PageRequest.first(PageRequest.MAX_LIMIT + 1))),
                "page.limit",
                "range");
        rejected(
                () -> luxaris.posts().list(alice, PostQuery.all().withPage(PageRequest.after("garbage!", 10))),
                "page.cursor",
                "invalid_cursor");
    }
}
