package io.luxaris.usecase;

import static io.luxaris.usecase.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.spi.security.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed calls found by probing the facade: each is a ValidationException naming field and rule. */
class InputHardeningTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-08T00:00:00Z");

    private final Luxaris luxaris =
            Luxaris.builder().channel(TestChannel.of("test")).build();
    private final Principal alice = Principal.of("alice");

    @AfterEach
    void close() {
        luxaris.close();
    }

    private int posts() {
        return luxaris.posts().list(alice, PostQuery.all()).items().size();
    }

    // ---- measure

    @Test
    void measure_isBoundedLikeTheLargestContent() {
        int max = Math.max(Limits.BASE_CONTENT, Limits.VARIANT_CONTENT);
        assertThat(luxaris.channels().measure(alice, "test", "a".repeat(max))).isEqualTo(max);
        rejected(() -> luxaris.channels().measure(alice, "test", "a".repeat(max + 1)), "text", "max_length");
        rejected(() -> luxaris.channels().measure(alice, "test", "a".repeat(640_000)), "text", "max_length");
        rejected(() -> luxaris.channels().measure(alice, "test", null), "text", "required");
        rejected(() -> luxaris.channels().measure(alice, null, "x"), "channel", "required");
    }

    // ---- cursors and instants

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tamperedCursors_areInvalidCursors_notRawExceptions() {
        String id = UUID.randomUUID().toString();
        List<String> tampered = List.of(
                cursor(Long.MAX_VALUE + ":999999999:" + id), // ArithmeticException in Instant.ofEpochSecond
                cursor("0:" + Long.MAX_VALUE + ":" + id),
                cursor("0:-1:" + id),
                cursor("-31557014167219200:0:" + id), // Instant.MIN
                cursor("-210866803200:0:" + id), // year -4713: a database changes or refuses it
                cursor("253402300800:0:" + id), // year 10000
                cursor("1:2:not-a-uuid"),
                cursor("1:2"),
                "%%%not base64%%%");
        for (String c : tampered) {
            rejected(
                    () -> luxaris.posts().list(alice, PostQuery.all().withPage(PageRequest.after(c, 10))),
                    "page.cursor",
                    "invalid_cursor");
            rejected(
                    () -> luxaris.calendar()
                            .between(alice, FROM, TO, CalendarFilter.none().page(PageRequest.after(c, 10))),
                    "page.cursor",
                    "invalid_cursor");
        }
    }

    @Test
    void instantsNoDatabaseHolds_areRefused() {
        rejected(
                () -> luxaris.calendar()
                        .between(alice, Instant.MIN, Instant.MIN.plusSeconds(60), CalendarFilter.none()),
                "from",
                "range");
        rejected(
                () -> luxaris.calendar()
                        .between(
                                alice,
                                Instant.parse("9999-12-31T00:00:00Z"),
                                Instant.parse("+10000-01-01T00:00:00Z"),
                                CalendarFilter.none()),
                "to",
                "range");
        rejected(
                () -> luxaris.calendar().week(alice, LocalDate.MAX, ZoneId.of("Europe/Berlin"), CalendarFilter.none()),
                "day",
                "range");
        rejected(
                () -> luxaris.calendar().week(alice, LocalDate.MIN, ZoneId.of("Europe/Berlin"), CalendarFilter.none()),
                "day",
                "range");
        rejected(
                () -> luxaris.calendar()
                        .week(alice, LocalDate.of(1969, 12, 31), ZoneId.of("UTC"), CalendarFilter.none()),
                "day",
                "range");
        rejected(
                () -> luxaris.channels()
                        .connect(
                                alice,
                                ConnectionRequest.of(
                                        "test",
                                        "@a",
                                        Credentials.oauth2("tok-1", "ref-1", Instant.parse("-4713-11-24T00:00:00Z")))),
                "credentials.expires_at",
                "range");
        rejected(
                () -> luxaris.channels()
                        .connect(
                                alice,
                                ConnectionRequest.of(
                                        "test",
                                        "@a",
                                        Credentials.bearer("tok-1")
                                                .with(Credentials.REFRESH_EXPIRES_AT, "+20000-01-01T00:00:00Z"))),
                "credentials.refresh_expires_at",
                "range");
        assertThat(luxaris.channels().list(alice)).isEmpty();
    }

    // ---- nulls

    @Test
    void nullElementsOfFilterSets_areValidationErrors() {
        Set<PostStatus> statuses = new HashSet<>(Arrays.asList(PostStatus.DRAFT, null));
        rejected(() -> luxaris.posts().list(alice, PostQuery.all().withStatuses(statuses)), "statuses", "required");
        rejected(
                () -> luxaris.calendar()
                        .between(alice, FROM, TO, CalendarFilter.none().connection(ConnectionId.random(), null)),
                "filter.connections",
                "required");
        rejected(
                () -> luxaris.calendar()
                        .between(alice, FROM, TO, CalendarFilter.none().postStatus((PostStatus) null)),
                "filter.postStatuses",
                "required");
        rejected(
                () -> luxaris.calendar()
                        .between(alice, FROM, TO, CalendarFilter.none().scheduleStatus(ScheduleStatus.PENDING, null)),
                "filter.scheduleStatuses",
                "required");
        rejected(
                () -> luxaris.calendar()
                        .between(alice, FROM, TO, CalendarFilter.none().channel("test", null)),
                "filter.channels",
                "required");
    }

    @Test
    void nullArguments_areValidationErrors_orNamedNullPointers() {
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withTags("a", null)), "tags[1]", "required");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withVariant(null)), "variants[0]", "required");
        rejected(
                () -> luxaris.generation().generate(alice, GenerationRequest.of("x", "test", null)),
                "channels[1]",
                "required");
        rejected(
                () -> luxaris.templates()
                        .create(
                                alice,
                                TemplateDraft.of("t", "body")
                                        .withConstraints(new TemplateConstraints(
                                                OptionalInt.empty(), Optional.empty(), Arrays.asList("calm", null)))),
                "constraints.tonePresets[1]",
                "required");
        rejected(
                () -> luxaris.schedules()
                        .resolveUnconfirmed(alice, ScheduleId.random(), UnconfirmedResolution.republishAt(null)),
                "resolution.when",
                "required");
        // optional values given as null are absent
        assertThat(luxaris.posts()
                        .create(alice, PostDraft.of("x").withTitle(null))
                        .post()
                        .title())
                .isEmpty();
        assertThat(VariantDraft.of("test", "x").withTone(null).tone()).isEmpty();
        assertThat(PostQuery.all().withTag(null).tag()).isEmpty();
        assertThat(new TemplateConstraints(OptionalInt.empty(), Optional.empty(), null).tonePresets())
                .isEmpty();
        // programmer errors name the parameter
        assertThatThrownBy(() -> Credentials.bearer(null)).hasMessage("accessToken");
        assertThatThrownBy(() -> Principal.of("a", null)).hasMessage("attributes");
        assertThatThrownBy(() -> luxaris.channels().limits(alice, "test", null)).hasMessage("connection");
        assertThatThrownBy(() -> luxaris.posts().create(null, PostDraft.of("x")))
                .hasMessage("principal");
    }

    // ---- a collection is checked as copied

    /** A map that says it has one entry and iterates {@code n}. */
    private static Map<String, String> lyingMap(int n) {
        return new AbstractMap<>() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public int size() {
                        return 1;
                    }

                    @Override
                    public Iterator<Entry<String, String>> iterator() {
                        return new Iterator<>() {
                            int i;

                            @Override
                            public boolean hasNext() {
                                return i < n;
                            }

                            @Override
                            public Entry<String, String> next() {
                                i++;
                                return Map.entry("k" + i, "v");
                            }
                        };
                    }
                };
            }
        };
    }

    @Test
    void aMapIsCheckedAsItIsCopied_notAsItSaysItIs() {
        var liar = lyingMap(100_000);
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("x").withMetadata(liar)), "metadata", "too_many");
        rejected(
                () -> luxaris.posts()
                        .create(
                                alice,
                                PostDraft.of("x")
                                        .withVariant(
                                                VariantDraft.of("test", "x").withMetadata(liar))),
                "variants[0].metadata",
                "too_many");
        rejected(
                () -> luxaris.channels()
                        .connect(
                                alice,
                                ConnectionRequest.of("test", "@a", Credentials.bearer("t-1"))
                                        .withProperties(liar)),
                "properties",
                "too_many");
        rejected(
                () -> luxaris.channels().connect(alice, ConnectionRequest.of("test", "@a", Credentials.of(liar))),
                "credentials",
                "too_many");
        var account = luxaris.channels().connect(alice, ConnectionRequest.of("test", "@a", Credentials.bearer("t-1")));
        rejected(() -> luxaris.channels().rename(alice, account.id(), "@b", liar), "properties", "too_many");
        var template = luxaris.templates().create(alice, TemplateDraft.of("t", "{{k1}}"));
        rejected(() -> luxaris.templates().render(alice, template.id(), liar), "values", "too_many");
        rejected(
                () -> luxaris.generation()
                        .generate(alice, GenerationRequest.of("x", "test").withTemplate(template.id(), liar)),
                "templateValues",
                "too_many");
        assertThat(posts()).isZero();
        assertThat(luxaris.channels().get(alice, account.id()).properties()).isEmpty();
    }

    // ---- content, tokens, variants

    @Test
    void blankBaseContent_andBlankCredentialValues_areRefused() {
        rejected(() -> luxaris.posts().create(alice, PostDraft.of("")), "baseContent", "required");
        rejected(() -> luxaris.posts().create(alice, PostDraft.of(" \n\t")), "baseContent", "required");
        rejected(
                () -> luxaris.channels().connect(alice, ConnectionRequest.of("test", "@a", Credentials.bearer(""))),
                "credentials.access_token",
                "required");
        rejected(
                () -> luxaris.channels().connect(alice, ConnectionRequest.of("test", "@a", Credentials.bearer("  "))),
                "credentials.access_token",
                "required");
        var account = luxaris.channels().connect(alice, ConnectionRequest.of("test", "@a", Credentials.bearer("t-1")));
        rejected(
                () -> luxaris.channels().reconnect(alice, account.id(), Credentials.bearer("")),
                "credentials.access_token",
                "required");
        var post = luxaris.posts().create(alice, PostDraft.of("x")).post();
        rejected(
                () -> luxaris.posts()
                        .update(alice, post.id(), PostUpdate.from(post).withBaseContent(" ")),
                "baseContent",
                "required");
        assertThat(posts()).isOne();
    }

    @Test
    void withVariantTwice_createsBothVariants_inOrder_orNothing() {
        var details = luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("launch")
                                .withVariant(VariantDraft.of("test", "first"))
                                .withVariant(VariantDraft.of("test", "second")));
        assertThat(details.variants()).extracting(v -> v.content()).containsExactly("first", "second");
        assertThat(luxaris.posts().get(alice, details.post().id()).variants()).hasSize(2);

        rejected(
                () -> luxaris.posts()
                        .create(
                                alice,
                                PostDraft.of("launch")
                                        .withVariant(VariantDraft.of("test", "fine"))
                                        .withVariant(VariantDraft.of("nope", "second"))),
                "variants[1].channel",
                "unknown_channel");
        assertThat(posts()).isOne();
    }
}
