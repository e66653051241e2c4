package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Cursor;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUpLink;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.domain.TemplateId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.spi.storage.CalendarCriteria;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.ReapResult;
import io.luxaris.spi.storage.ScheduleStatusRow;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the storage SPI: every repository operation, transactions, optimistic concurrency, and the
 * engine's fenced claim/lease queue. Extend it with one thin subclass per implementation; {@link #provider()}
 * must give an <em>empty</em> store for every test (the queue claims everything due).
 *
 * <p>Times are compared with the store's own clock ({@code queue().now()}), so the contract also runs against
 * databases whose clock is not the JVM's. Timestamps are written with millisecond precision, which every store
 * must keep exactly.
 */
public abstract class StorageContract {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ChannelId FAKE = ChannelId.forKey("fake");
    private static final ChannelId OTHER = ChannelId.forKey("other");

    /** The storage under test; test-local state. */
    protected Storage storage;

    private Instant now;

    /** For subclasses. */
    protected StorageContract() {}

    /** A provider of a new, empty store. */
    protected abstract StorageProvider provider();

    /** The clock given to the store (stores with a clock of their own ignore it). */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    @BeforeEach
    void openStorage() {
        storage = provider().open(new StorageContext(clock()));
        now = storage.readOnly(tx -> tx.queue().now()).truncatedTo(ChronoUnit.MILLIS);
        storage.inTransaction(tx -> {
            tx.channels().upsert(channel("fake"));
            tx.channels().upsert(channel("other"));
            return null;
        });
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    // ================================================================== channels

    @Test
    void channels_upsertInsertsThenReplaces() {
        Channel disabled = new Channel(
                FAKE,
                "fake",
                "Fake renamed",
                ChannelStatus.DISABLED,
                ChannelLimits.builder(100).build(),
                now,
                now.plusSeconds(1));
        tx(t -> t.channels().upsert(disabled));
        assertThat(read((Transaction t) -> t.channels().find(FAKE))).contains(disabled);
        assertThat(read((Transaction t) -> t.channels().list()))
                .extracting(Channel::key)
                .containsExactly("fake", "other");
        assertThat(read((Transaction t) -> t.channels().find(ChannelId.forKey("nope"))))
                .isEmpty();
    }

    @Test
    void channels_keepEveryLimit() {
        var limits = new ChannelLimits(280, 4, true, true, true, false, 24, OptionalInt.of(50));
        Channel c = new Channel(ChannelId.forKey("rich"), "rich", "Rich", ChannelStatus.ACTIVE, limits, now, now);
        tx(t -> t.channels().upsert(c));
        assertThat(read((Transaction t) -> t.channels().find(c.id()))).contains(c);
    }

    // ================================================================== connections

    @Test
    void connections_insertFindAndCredentialsRoundTrip() {
        ChannelConnection c = connection("alice", FAKE);
        byte[] sealed = "sealed-bytes-\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        tx(t -> t.connections().insert(c, sealed));
        assertThat(read((Transaction t) -> t.connections().find(c.id()))).contains(c);
        assertThat(read((Transaction t) -> t.connections().credentials(c.id())))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(sealed));
        byte[] other = new byte[] {1, 2, 3};
        tx(t -> t.connections().updateCredentials(c.id(), other));
        assertThat(read((Transaction t) -> t.connections().credentials(c.id())))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(other));
        assertThat(read((Transaction t) -> t.connections().find(ConnectionId.random())))
                .isEmpty();
        assertThat(read((Transaction t) -> t.connections().credentials(ConnectionId.random())))
                .isEmpty();
    }

    @Test
    void connections_updateIsVersioned() {
        ChannelConnection c = connection("alice", FAKE);
        tx(t -> t.connections().insert(c, new byte[] {1}));
        ChannelConnection renamed = c.withDetails("@renamed", Map.of("username", "renamed"), now.plusSeconds(1));
        ChannelConnection stored =
                storage.inTransaction((Transaction t) -> t.connections().update(renamed));
        assertThat(stored.version()).isEqualTo(c.version() + 1);
        assertThat(stored.displayName()).isEqualTo("@renamed");
        assertThat(read((Transaction t) -> t.connections().find(c.id()))).contains(stored);
        assertThatThrownBy(() -> tx(
                        t -> t.connections().update(renamed.withStatus(ConnectionStatus.ERROR, Optional.of("x"), now))))
                .isInstanceOf(ConflictException.class);
        assertThat(read((Transaction t) -> t.connections().find(c.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void connections_listByOwnerScopeAndChannel_oldestFirst() {
        ChannelConnection a1 = connection("alice", FAKE, now);
        ChannelConnection a2 = connection("alice", OTHER, now.plusSeconds(1));
        ChannelConnection b1 = connection("bob", FAKE, now.plusSeconds(2));
        tx(t -> {
            t.connections().insert(a1, new byte[] {1});
            t.connections().insert(a2, new byte[] {1});
            t.connections().insert(b1, new byte[] {1});
        });
        assertThat(read((Transaction t) -> t.connections().list(OwnerScope.only("alice"), Optional.empty())))
                .containsExactly(a1, a2);
        assertThat(read((Transaction t) -> t.connections().list(OwnerScope.only("alice"), Optional.of(OTHER))))
                .containsExactly(a2);
        assertThat(read((Transaction t) -> t.connections().list(OwnerScope.all(), Optional.of(FAKE))))
                .containsExactly(a1, b1);
        assertThat(read((Transaction t) ->
                        t.connections().list(OwnerScope.only(Set.of("alice", "bob")), Optional.empty())))
                .containsExactly(a1, a2, b1);
    }

    @Test
    void connections_touchRecordsUseWithoutVersionBump() {
        ChannelConnection c = connection("alice", FAKE);
        tx(t -> t.connections().insert(c, new byte[] {1}));
        tx(t -> t.connections().touch(c.id(), now.plusSeconds(30)));
        ChannelConnection touched =
                read((Transaction t) -> t.connections().find(c.id())).orElseThrow();
        assertThat(touched.lastUsedAt()).contains(now.plusSeconds(30));
        assertThat(touched.version()).isEqualTo(c.version());
    }

    // ================================================================== posts

    @Test
    void posts_insertFindUpdate_keepEveryField() {
        Post p = post("alice", now, List.of("launch", "q4"));
        tx(t -> t.posts().insert(p));
        assertThat(read((Transaction t) -> t.posts().find(p.id()))).contains(p);
        Post published = p.withStatus(PostStatus.SCHEDULED, now.plusSeconds(1))
                .withStatus(PostStatus.PUBLISHED, now.plusSeconds(2));
        Post stored = storage.inTransaction((Transaction t) -> t.posts().update(published));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.publishedAt()).contains(now.plusSeconds(2));
        assertThat(read((Transaction t) -> t.posts().find(p.id()))).contains(stored);
    }

    @Test
    void posts_staleUpdate_isAConflictAndChangesNothing() {
        Post p = post("alice", now, List.of());
        tx(t -> t.posts().insert(p));
        tx(t -> t.posts().update(p.withContent(Optional.of("first"), "one", List.of(), Map.of(), now)));
        assertThatThrownBy(() -> tx(
                        t -> t.posts().update(p.withContent(Optional.of("second"), "two", List.of(), Map.of(), now))))
                .isInstanceOf(ConflictException.class);
        assertThat(read((Transaction t) -> t.posts().find(p.id())).orElseThrow().baseContent())
                .isEqualTo("one");
    }

    @Test
    void posts_insertTwice_isAConflict() {
        Post p = post("alice", now, List.of());
        tx(t -> t.posts().insert(p));
        assertThatThrownBy(() -> tx(t -> t.posts().insert(p))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void posts_listFiltersByOwnerStatusAndTag_newestFirst_andPagesByCursor() {
        var posts = new ArrayList<Post>();
        for (int i = 0; i < 7; i++) {
            posts.add(
                    post(i % 2 == 0 ? "alice" : "bob", now.plusSeconds(i), i % 3 == 0 ? List.of("launch") : List.of()));
        }
        tx(t -> posts.forEach(t.posts()::insert));
        List<Post> alice = read((Transaction t) -> t.posts()
                .list(new PostCriteria(OwnerScope.only("alice"), Set.of(), Optional.empty(), Optional.empty(), 10)));
        assertThat(alice)
                .extracting(Post::createdAt)
                .containsExactly(now.plusSeconds(6), now.plusSeconds(4), now.plusSeconds(2), now);
        List<Post> tagged = read((Transaction t) -> t.posts()
                .list(new PostCriteria(OwnerScope.all(), Set.of(), Optional.of("launch"), Optional.empty(), 10)));
        assertThat(tagged).extracting(Post::createdAt).containsExactly(now.plusSeconds(6), now.plusSeconds(3), now);
        List<Post> drafts = read((Transaction t) -> t.posts()
                .list(new PostCriteria(
                        OwnerScope.all(), Set.of(PostStatus.SCHEDULED), Optional.empty(), Optional.empty(), 10)));
        assertThat(drafts).isEmpty();
        List<Post> page1 = read(t ->
                t.posts().list(new PostCriteria(OwnerScope.all(), Set.of(), Optional.empty(), Optional.empty(), 3)));
        Post last = page1.get(2);
        List<Post> page2 = read((Transaction t) -> t.posts()
                .list(new PostCriteria(
                        OwnerScope.all(),
                        Set.of(),
                        Optional.empty(),
                        Optional.of(new Cursor(last.createdAt(), last.id().value())),
                        10)));
        assertThat(page1)
                .extracting(Post::createdAt)
                .containsExactly(now.plusSeconds(6), now.plusSeconds(5), now.plusSeconds(4));
        assertThat(page2)
                .extracting(Post::createdAt)
                .containsExactly(now.plusSeconds(3), now.plusSeconds(2), now.plusSeconds(1), now);
    }

    // ================================================================== variants

    @Test
    void variants_insertFindUpdateListAndDelete() {
        Post p = post("alice", now, List.of());
        PostVariant v1 = variant(p, FAKE, "first");
        PostVariant v2 = variant(p, OTHER, "second");
        tx(t -> {
            t.posts().insert(p);
            t.variants().insert(v1);
            t.variants().insert(v2);
        });
        assertThat(read((Transaction t) -> t.variants().find(v1.id()))).contains(v1);
        assertThat(read((Transaction t) -> t.variants().listByPost(p.id()))).containsExactly(v1, v2);
        PostVariant ready =
                storage.inTransaction((Transaction t) -> t.variants().update(v1.withStatus(VariantStatus.READY, now)));
        assertThat(ready.version()).isEqualTo(1);
        assertThatThrownBy(() -> tx(t -> t.variants().update(v1.withStatus(VariantStatus.READY, now))))
                .isInstanceOf(ConflictException.class);
        assertThat(storage.inTransaction((Transaction t) -> t.variants().delete(v2.id())))
                .isTrue();
        assertThat(storage.inTransaction((Transaction t) -> t.variants().delete(v2.id())))
                .isFalse();
        assertThat(read((Transaction t) -> t.variants().listByPost(p.id()))).containsExactly(ready);
    }

    @Test
    void variants_keepThreadMediaToneAndMetadata() {
        Post p = post("alice", now, List.of());
        PostVariant v = new PostVariant(
                VariantId.random(),
                p.id(),
                FAKE,
                Optional.empty(),
                "main text ünïcødé 🚀",
                List.of("part 2", "part 3"),
                List.of(MediaRef.image("img-1", "a cat"), MediaRef.video("vid-1")),
                Optional.of("playful"),
                VariantSource.GENERATED,
                VariantStatus.DRAFT,
                Map.of("utm", "q4", "campaign", "launch"),
                now,
                now,
                Optional.empty(),
                0);
        tx(t -> {
            t.posts().insert(p);
            t.variants().insert(v);
        });
        assertThat(read((Transaction t) -> t.variants().find(v.id()))).contains(v);
    }

    @Test
    void variants_withSchedules_cannotBeDeleted() {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.plusSeconds(60))));
        assertThatThrownBy(() -> tx(t -> t.variants().delete(f.variant().id()))).isInstanceOf(RuntimeException.class);
        assertThat(read((Transaction t) -> t.variants().find(f.variant().id()))).isPresent();
    }

    // ================================================================== schedules

    @Test
    void schedules_insertFindUpdate_keepEveryField() {
        var f = fixture();
        Schedule s = schedule(f, now.plusSeconds(3600));
        tx(t -> t.schedules().insert(s));
        assertThat(read((Transaction t) -> t.schedules().find(s.id()))).contains(s);
        Schedule failed = s.toBuilder()
                .status(ScheduleStatus.FAILED)
                .attemptCount(3)
                .lastAttemptAt(Optional.of(now.plusSeconds(10)))
                .error(Optional.of("duplicate_content"), Optional.of("X says it is a duplicate"))
                .external(Optional.of("123"), Optional.of("https://x.com/a/status/123"))
                .checkpoint(Map.of("part.0", "111"))
                .updatedAt(now.plusSeconds(11))
                .build();
        Schedule stored = storage.inTransaction((Transaction t) -> t.schedules().update(failed));
        assertThat(stored).isEqualTo(failed.toBuilder().version(1).build());
        assertThat(read((Transaction t) -> t.schedules().find(s.id()))).contains(stored);
        assertThatThrownBy(() -> tx(t -> t.schedules().update(failed))).isInstanceOf(ConflictException.class);
    }

    @Test
    void schedules_listByPostVariantAndActiveByConnection() {
        var f = fixture();
        Schedule late = schedule(f, now.plusSeconds(7200));
        Schedule early = schedule(f, now.plusSeconds(3600));
        Schedule cancelled = schedule(f, now.plusSeconds(5400)).toBuilder()
                .status(ScheduleStatus.CANCELLED)
                .build();
        tx(t -> {
            t.schedules().insert(late);
            t.schedules().insert(early);
            t.schedules().insert(cancelled);
        });
        assertThat(read((Transaction t) -> t.schedules().listByPost(f.post().id())))
                .containsExactly(early, cancelled, late);
        assertThat(read((Transaction t) ->
                        t.schedules().listByVariant(f.variant().id())))
                .containsExactly(early, cancelled, late);
        assertThat(read((Transaction t) ->
                        t.schedules().listActiveByConnection(f.connection().id(), now, now.plusSeconds(7200))))
                .containsExactly(early);
        assertThat(read((Transaction t) ->
                        t.schedules().listActiveByConnection(f.connection().id(), now, now.plusSeconds(7201))))
                .containsExactly(early, late);
    }

    @Test
    void calendar_returnsRowsInRangeOrderedByRunAt_filteredAndPaged() {
        var f = fixture();
        Post bobPost = post("bob", now, List.of());
        PostVariant bobVariant = variant(bobPost, FAKE, "bob's");
        ChannelConnection bobConnection = connection("bob", FAKE);
        tx(t -> {
            t.posts().insert(bobPost);
            t.variants().insert(bobVariant);
            t.connections().insert(bobConnection, new byte[] {1});
        });
        var mine = new ArrayList<Schedule>();
        for (int i = 0; i < 5; i++) {
            mine.add(schedule(f, now.plusSeconds(3600 + i * 60L)));
        }
        Schedule outside = schedule(f, now.plusSeconds(3600 * 48));
        Schedule bobs = Schedule.pending(bobVariant, bobConnection.id(), now.plusSeconds(3630), BERLIN, now);
        tx(t -> {
            mine.forEach(t.schedules()::insert);
            t.schedules().insert(outside);
            t.schedules().insert(bobs);
        });
        Instant from = now;
        Instant to = now.plusSeconds(3600 * 24);
        var rows = read((Transaction t) ->
                t.schedules().calendar(criteria(from, to, OwnerScope.only("alice"), Optional.empty(), 100)));
        assertThat(rows)
                .extracting(r -> r.schedule().id())
                .containsExactlyElementsOf(mine.stream().map(Schedule::id).toList());
        assertThat(rows.get(0).post()).isEqualTo(f.post());
        assertThat(rows.get(0).variant()).isEqualTo(f.variant());
        assertThat(rows.get(0).connection()).isEqualTo(f.connection());

        var everyone = read(
                (Transaction t) -> t.schedules().calendar(criteria(from, to, OwnerScope.all(), Optional.empty(), 100)));
        assertThat(everyone).hasSize(6);
        assertThat(everyone.get(1).schedule().id()).isEqualTo(bobs.id());

        var page1 = read(
                (Transaction t) -> t.schedules().calendar(criteria(from, to, OwnerScope.all(), Optional.empty(), 2)));
        Schedule last = page1.get(1).schedule();
        var page2 = read((Transaction t) -> t.schedules()
                .calendar(criteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Optional.of(new Cursor(last.runAt(), last.id().value())),
                        10)));
        assertThat(page2).hasSize(4);
        assertThat(page2.get(0).schedule().runAt()).isAfterOrEqualTo(last.runAt());

        var byTag = read((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(),
                        Set.of(),
                        Optional.of("launch"),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        100)));
        assertThat(byTag).hasSize(5);
        var byConnection = read((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(),
                        Set.of(bobConnection.id()),
                        Optional.empty(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        100)));
        assertThat(byConnection).extracting(r -> r.schedule().id()).containsExactly(bobs.id());
        var byChannel = read((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(OTHER),
                        Set.of(),
                        Optional.empty(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        100)));
        assertThat(byChannel).isEmpty();
        var byPostStatus = read((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        Set.of(PostStatus.DRAFT),
                        Set.of(ScheduleStatus.PENDING),
                        Optional.empty(),
                        100)));
        assertThat(byPostStatus).hasSize(6);
        var byScheduleStatus = read((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        Set.of(),
                        Set.of(ScheduleStatus.SUCCESS),
                        Optional.empty(),
                        100)));
        assertThat(byScheduleStatus).isEmpty();
    }

    // ================================================================== publish events

    @Test
    void publishEvents_areListedByAttemptThenTime() {
        var f = fixture();
        Schedule s = schedule(f, now.plusSeconds(60));
        tx(t -> t.schedules().insert(s));
        PublishEvent second = event(s, 2, now.plusSeconds(20), PublishEventStatus.SUCCESS);
        PublishEvent first = event(s, 1, now.plusSeconds(10), PublishEventStatus.RETRIED);
        tx(t -> t.publishEvents().insertAll(List.of(second, first)));
        assertThat(read((Transaction t) -> t.publishEvents().listBySchedule(s.id())))
                .containsExactly(first, second);
        assertThat(read((Transaction t) -> t.publishEvents().listBySchedule(ScheduleId.random())))
                .isEmpty();
    }

    // ================================================================== templates

    @Test
    void templates_crudWithUniqueNamesPerOwner() {
        PostTemplate t1 = template("alice", "launch");
        PostTemplate t2 = template("bob", "launch");
        tx(t -> {
            t.templates().insert(t1);
            t.templates().insert(t2);
        });
        assertThat(read((Transaction t) -> t.templates().find(t1.id()))).contains(t1);
        assertThat(read((Transaction t) -> t.templates().findByName("bob", "launch")))
                .contains(t2);
        assertThatThrownBy(() -> tx(t -> t.templates().insert(template("alice", "launch"))))
                .isInstanceOf(RuntimeException.class);
        PostTemplate renamed = new PostTemplate(
                t1.id(),
                "alice",
                "launch v2",
                Optional.of("desc"),
                "New: {{feature}}",
                Optional.of(FAKE),
                new TemplateConstraints(OptionalInt.of(200), Optional.of("neutral"), List.of("neutral", "playful")),
                t1.createdAt(),
                now.plusSeconds(1),
                t1.version());
        PostTemplate stored =
                storage.inTransaction((Transaction t) -> t.templates().update(renamed));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(read((Transaction t) -> t.templates().find(t1.id()))).contains(stored);
        assertThatThrownBy(() -> tx(t -> t.templates().update(renamed))).isInstanceOf(ConflictException.class);
        assertThat(read((Transaction t) -> t.templates().list(OwnerScope.only("alice"))))
                .containsExactly(stored);
        assertThat(storage.inTransaction((Transaction t) -> t.templates().delete(t1.id())))
                .isTrue();
        assertThat(read((Transaction t) -> t.templates().find(t1.id()))).isEmpty();
    }

    // ================================================================== generations

    @Test
    void generations_sessionsAndSuggestions() {
        var session = new GenerationSession(
                GenerationSessionId.random(),
                "alice",
                Optional.empty(),
                Optional.empty(),
                "announce it",
                GenerationStatus.IN_PROGRESS,
                Map.of(),
                now,
                now,
                0);
        tx(t -> t.generations().insertSession(session));
        var s1 = suggestion(session, "one", OptionalDouble.of(0.9));
        var s2 = suggestion(session, "two", OptionalDouble.empty());
        tx(t -> t.generations().insertSuggestions(List.of(s1, s2)));
        assertThat(read((Transaction t) -> t.generations().findSession(session.id())))
                .contains(session);
        assertThat(read((Transaction t) -> t.generations().listSuggestions(session.id())))
                .containsExactly(s1, s2);
        GenerationSuggestion accepted =
                storage.inTransaction((Transaction t) -> t.generations().updateSuggestion(s1.markAccepted()));
        assertThat(accepted.accepted()).isTrue();
        assertThat(read((Transaction t) -> t.generations().findSuggestion(s1.id())))
                .contains(accepted);
        var done = storage.inTransaction((Transaction t) -> t.generations()
                .updateSession(session.finish(
                        GenerationStatus.COMPLETED, Map.of("linkedin", "quota exhausted"), now.plusSeconds(5))));
        assertThat(read((Transaction t) -> t.generations().findSession(session.id())))
                .contains(done);
        assertThatThrownBy(() -> tx(t -> t.generations().updateSession(session)))
                .isInstanceOf(ConflictException.class);
        var older = new GenerationSession(
                GenerationSessionId.random(),
                "alice",
                Optional.empty(),
                Optional.empty(),
                "older",
                GenerationStatus.IN_PROGRESS,
                Map.of(),
                now.minusSeconds(60),
                now,
                0);
        tx(t -> t.generations().insertSession(older));
        assertThat(read((Transaction t) -> t.generations().listSessions(OwnerScope.only("alice"), 10)))
                .extracting(GenerationSession::id)
                .containsExactly(session.id(), older.id());
        assertThat(read((Transaction t) -> t.generations().listSessions(OwnerScope.only("bob"), 10)))
                .isEmpty();
    }

    // ================================================================== transactions

    @Test
    void aFailedTransactionLeavesNoPartialWrite() {
        Post p = post("alice", now, List.of());
        assertThatThrownBy(() -> tx(t -> {
                    t.posts().insert(p);
                    t.variants().insert(variant(p, FAKE, "v"));
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read((Transaction t) -> t.posts().find(p.id()))).isEmpty();
        assertThat(read((Transaction t) -> t.variants().listByPost(p.id()))).isEmpty();
    }

    @Test
    void aFailedTransactionRestoresUpdatedRows() {
        var f = fixture();
        Schedule s = schedule(f, now.plusSeconds(60));
        tx(t -> t.schedules().insert(s));
        assertThatThrownBy(() -> tx(t -> {
                    t.schedules().update(s.withStatus(ScheduleStatus.CANCELLED, now));
                    t.posts().update(f.post().withStatus(PostStatus.ARCHIVED, now));
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read((Transaction t) -> t.schedules().find(s.id()))).contains(s);
        assertThat(read((Transaction t) -> t.posts().find(f.post().id()))).contains(f.post());
        assertThat(claim("engine-a", 10)).extracting(Schedule::id).isEmpty();
    }

    @Test
    void aFailedTransactionLeavesNoScheduleEventOrDeletedVariantBehind() {
        var f = fixture();
        Schedule kept = schedule(f, now.plusSeconds(60));
        PublishEvent first = event(kept, 1, now.plusSeconds(10), PublishEventStatus.RETRIED);
        tx(t -> {
            t.schedules().insert(kept);
            t.publishEvents().insert(first);
        });
        PostVariant spare = variant(f.post(), OTHER, "spare");
        tx(t -> t.variants().insert(spare));
        Schedule added = schedule(f, now.plusSeconds(120));
        assertThatThrownBy(() -> tx(t -> {
                    t.schedules().insert(added);
                    t.publishEvents().insert(event(added, 1, now.plusSeconds(11), PublishEventStatus.FAILED));
                    t.publishEvents().insert(event(kept, 2, now.plusSeconds(12), PublishEventStatus.SUCCESS));
                    t.variants().delete(spare.id());
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read((Transaction t) -> t.schedules().find(added.id()))).isEmpty();
        assertThat(read((Transaction t) -> t.schedules().listByPost(f.post().id())))
                .containsExactly(kept);
        assertThat(read((Transaction t) ->
                        t.schedules().listByPosts(List.of(f.post().id()))))
                .containsExactly(kept);
        assertThat(read((Transaction t) -> t.publishEvents().listBySchedule(added.id())))
                .isEmpty();
        assertThat(read((Transaction t) -> t.publishEvents().listBySchedule(kept.id())))
                .containsExactly(first);
        assertThat(read((Transaction t) -> t.variants().listByPost(f.post().id())))
                .containsExactly(f.variant(), spare);
    }

    // ================================================================== queue

    @Test
    void claim_takesDueSchedulesOldestFirst_andLeasesThem() {
        var f = fixture();
        Schedule later = schedule(f, now.minusSeconds(10));
        Schedule earlier = schedule(f, now.minusSeconds(20));
        Schedule future = schedule(f, now.plusSeconds(3600));
        tx(t -> {
            t.schedules().insert(later);
            t.schedules().insert(earlier);
            t.schedules().insert(future);
        });
        List<Schedule> claimed = claim("engine-a", 10);
        assertThat(claimed).extracting(Schedule::id).containsExactly(earlier.id(), later.id());
        Schedule first = claimed.get(0);
        assertThat(first.status()).isEqualTo(ScheduleStatus.QUEUED);
        assertThat(first.attemptCount()).isEqualTo(1);
        assertThat(first.lease()).hasValueSatisfying(l -> {
            assertThat(l.owner()).isEqualTo("engine-a");
            assertThat(l.expiresAt()).isAfter(now);
        });
        assertThat(read((Transaction t) -> t.schedules().find(earlier.id()))).contains(first);
        assertThat(claim("engine-b", 10)).isEmpty();
    }

    @Test
    void claim_respectsLimitChannelsAndExcludedConnections() {
        var f = fixture();
        ChannelConnection second = connection("alice", FAKE);
        tx(t -> t.connections().insert(second, new byte[] {1}));
        Schedule a = schedule(f, now.minusSeconds(30));
        Schedule b = Schedule.pending(f.variant(), second.id(), now.minusSeconds(20), BERLIN, now);
        Schedule c = schedule(f, now.minusSeconds(10));
        tx(t -> {
            t.schedules().insert(a);
            t.schedules().insert(b);
            t.schedules().insert(c);
        });
        assertThat(storage.inTransaction((Transaction t) ->
                        t.queue().claim(new ClaimRequest("e", 10, Duration.ofMinutes(1), Set.of(OTHER), Set.of()))))
                .isEmpty();
        assertThat(storage.inTransaction((Transaction t) -> t.queue()
                        .claim(new ClaimRequest(
                                "e",
                                10,
                                Duration.ofMinutes(1),
                                Set.of(FAKE),
                                Set.of(f.connection().id())))))
                .extracting(Schedule::id)
                .containsExactly(b.id());
        assertThat(claim("e", 1)).extracting(Schedule::id).containsExactly(a.id());
        assertThat(claim("e", 1)).extracting(Schedule::id).containsExactly(c.id());
    }

    @Test
    void claim_takesTheSchedulesOfTheStartChannelsStraightToProcessing_andTheOthersToQueued() {
        var f = fixture();
        ChannelConnection other = connection("alice", OTHER);
        tx(t -> t.connections().insert(other, new byte[] {1}));
        PostVariant otherVariant = variant(f.post(), OTHER, "other text");
        tx(t -> t.variants().insert(otherVariant));
        Schedule straight = schedule(f, now.minusSeconds(20));
        Schedule queued = Schedule.pending(otherVariant, other.id(), now.minusSeconds(10), BERLIN, now);
        tx(t -> {
            t.schedules().insert(straight);
            t.schedules().insert(queued);
        });

        List<Schedule> claimed = storage.inTransaction((Transaction t) -> t.queue()
                .claim(new ClaimRequest(
                        "engine-a", 10, Duration.ofMinutes(1), Set.of(FAKE, OTHER), Set.of(), Set.of(FAKE))));

        assertThat(claimed).extracting(Schedule::id).containsExactly(straight.id(), queued.id());
        Instant dbNow = read((Transaction t) -> t.queue().now());
        assertThat(claimed.get(0)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ScheduleStatus.PROCESSING);
            assertThat(s.lastAttemptAt())
                    .hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(dbNow));
            assertThat(s.attemptCount()).isEqualTo(1);
            assertThat(s.lease()).hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("engine-a"));
        });
        assertThat(claimed.get(1).status()).isEqualTo(ScheduleStatus.QUEUED);
        assertThat(claimed.get(1).lastAttemptAt()).isEmpty();
        assertThat(claimed).allSatisfy(s -> assertThat(
                        read((Transaction t) -> t.schedules().find(s.id())))
                .contains(s));
        // heartbeats keep both alive; an expired straight claim is reaped as unconfirmed (see the reap contract)
        assertThat(storage.inTransaction((Transaction t) -> t.queue()
                        .heartbeat("engine-a", List.of(straight.id(), queued.id()), now.plus(Duration.ofHours(1)))))
                .isEqualTo(2);
    }

    @Test
    void concurrentClaims_neverReturnTheSameSchedule() throws Exception {
        var f = fixture();
        int n = 200;
        tx(t -> {
            for (int i = 0; i < n; i++) {
                t.schedules().insert(schedule(f, now.minusSeconds(n - i)));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<List<ScheduleId>>>();
            for (int w = 0; w < 4; w++) {
                String owner = "engine-" + w;
                tasks.add(() -> {
                    var mine = new ArrayList<ScheduleId>();
                    while (true) {
                        List<Schedule> got = claim(owner, 7);
                        if (got.isEmpty()) {
                            return mine;
                        }
                        got.forEach(s -> mine.add(s.id()));
                    }
                });
            }
            var all = new ArrayList<ScheduleId>();
            for (Future<List<ScheduleId>> future : pool.invokeAll(tasks)) {
                all.addAll(future.get());
            }
            assertThat(all).hasSize(n).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markProcessing_onlyWithAHoldingFence() {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = claim("engine-a", 1).get(0);
        Fence good = new Fence(claimed.id(), 1, "engine-a");
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().markProcessing(List.of(new Fence(claimed.id(), 1, "engine-b")))))
                .isEmpty();
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().markProcessing(List.of(new Fence(claimed.id(), 2, "engine-a")))))
                .isEmpty();
        assertThat(storage.inTransaction((Transaction t) -> t.queue().markProcessing(List.of(good))))
                .containsExactly(claimed.id());
        assertThat(read((Transaction t) -> t.schedules().find(claimed.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.PROCESSING);
        assertThat(storage.inTransaction((Transaction t) -> t.queue().markProcessing(List.of(good))))
                .isEmpty();
    }

    @Test
    void markProcessing_refusesAnExpiredLease() throws InterruptedException {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = storage.inTransaction((Transaction t) ->
                        t.queue().claim(new ClaimRequest("engine-a", 1, Duration.ofSeconds(1), Set.of(FAKE), Set.of())))
                .get(0);
        waitPast(claimed.lease().orElseThrow().expiresAt());
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().markProcessing(List.of(new Fence(claimed.id(), 1, "engine-a")))))
                .isEmpty();
    }

    @Test
    void complete_writesTheOutcomeOnlyForTheFenceHolder() {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = claim("engine-a", 1).get(0);
        storage.inTransaction(
                (Transaction t) -> t.queue().markProcessing(List.of(new Fence(claimed.id(), 1, "engine-a"))));
        Schedule success = claimed.toBuilder()
                .status(ScheduleStatus.SUCCESS)
                .external(Optional.of("ext-1"), Optional.of("https://fake.example/ext-1"))
                .lease(Optional.empty())
                .build();
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().complete(new Fence(claimed.id(), 1, "engine-b"), success)))
                .isFalse();
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().complete(new Fence(claimed.id(), 0, "engine-a"), success)))
                .isFalse();
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().complete(new Fence(claimed.id(), 1, "engine-a"), success)))
                .isTrue();
        Schedule stored =
                read((Transaction t) -> t.schedules().find(claimed.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(stored.externalPostId()).contains("ext-1");
        assertThat(stored.lease()).isEmpty();
        assertThat(stored.version()).isGreaterThan(claimed.version());
        // a late writer (second completion with the same fence) changes nothing
        assertThat(storage.inTransaction((Transaction t) -> t.queue()
                        .complete(
                                new Fence(claimed.id(), 1, "engine-a"),
                                claimed.toBuilder()
                                        .status(ScheduleStatus.FAILED)
                                        .build())))
                .isFalse();
        assertThat(read((Transaction t) -> t.schedules().find(claimed.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.SUCCESS);
    }

    @Test
    void completeAll_writesEachOutcomeWhoseFenceHolds_andSaysWhich() {
        var f = fixture();
        tx(t -> {
            t.schedules().insert(schedule(f, now.minusSeconds(9)));
            t.schedules().insert(schedule(f, now.minusSeconds(8)));
            t.schedules().insert(schedule(f, now.minusSeconds(7)));
        });
        List<Schedule> claimed = claim("engine-a", 3);
        assertThat(claimed).hasSize(3);
        storage.inTransaction((Transaction t) -> t.queue()
                .markProcessing(claimed.stream()
                        .map(s -> new Fence(s.id(), s.attemptCount(), "engine-a"))
                        .toList()));
        var completions = List.of(
                new Completion(
                        new Fence(claimed.get(0).id(), 1, "engine-a"),
                        claimed.get(0).toBuilder()
                                .status(ScheduleStatus.SUCCESS)
                                .external(Optional.of("ext-0"), Optional.empty())
                                .lease(Optional.empty())
                                .build()),
                new Completion(
                        new Fence(claimed.get(1).id(), 1, "engine-b"), // not the holder
                        claimed.get(1).toBuilder()
                                .status(ScheduleStatus.SUCCESS)
                                .lease(Optional.empty())
                                .build()),
                new Completion(
                        new Fence(claimed.get(2).id(), 1, "engine-a"),
                        claimed.get(2).toBuilder()
                                .status(ScheduleStatus.FAILED)
                                .error(Optional.of("rejected"), Optional.of("no"))
                                .lease(Optional.empty())
                                .build()));
        boolean[] written = storage.inTransaction((Transaction t) -> t.queue().completeAll(completions));
        assertThat(written).containsExactly(true, false, true);
        assertThat(read((Transaction t) -> t.schedules().find(claimed.get(0).id()))
                        .orElseThrow()
                        .externalPostId())
                .contains("ext-0");
        assertThat(read((Transaction t) -> t.schedules().find(claimed.get(1).id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.PROCESSING);
        assertThat(read((Transaction t) -> t.schedules().find(claimed.get(2).id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.FAILED);
        // written once: the same completions again change nothing
        assertThat(storage.inTransaction((Transaction t) -> t.queue().completeAll(completions)))
                .containsExactly(false, false, false);
        assertThat(storage.inTransaction((Transaction t) -> t.queue().completeAll(List.of())))
                .isEmpty();
    }

    @Test
    void aDryRun_isStoredAsItsOwnTerminalStatus_withItsEvent_andFoundByTheCalendar() {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = claim("engine-a", 1).get(0);
        Fence fence = new Fence(claimed.id(), claimed.attemptCount(), "engine-a");
        storage.inTransaction((Transaction t) -> t.queue().markProcessing(List.of(fence)));
        Schedule dryRun = claimed.toBuilder()
                .status(ScheduleStatus.DRY_RUN)
                .lastAttemptAt(Optional.of(now))
                .lease(Optional.empty())
                .build();
        PublishEvent event = PublishEvent.dryRun(
                claimed.id(),
                claimed.attemptCount(),
                now,
                Optional.of("POST https://fake.example/posts {\"text\":\"hello\"} Authorization: [REDACTED]"));
        boolean[] written = storage.inTransaction((Transaction t) -> {
            boolean[] done = t.queue().completeAll(List.of(new Completion(fence, dryRun)));
            t.publishEvents().insertAll(List.of(event));
            return done;
        });

        assertThat(written).containsExactly(true);
        Schedule stored =
                read((Transaction t) -> t.schedules().find(claimed.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(ScheduleStatus.DRY_RUN);
        assertThat(stored.lease()).isEmpty();
        assertThat(stored.errorCode()).isEmpty();
        assertThat(read((Transaction t) -> t.publishEvents().listBySchedule(claimed.id())))
                .containsExactly(event);
        // terminal: never claimed again, not due, not counted as active on its connection
        assertThat(claim("engine-b", 10)).isEmpty();
        assertThat(read((Transaction t) -> t.queue().nextDue(Set.of(FAKE)))).isEmpty();
        assertThat(read((Transaction t) -> t.schedules()
                        .listActiveByConnection(f.connection().id(), now.minusSeconds(3600), now.plusSeconds(3600))))
                .isEmpty();
        // the calendar finds it by its own status, and not among the failures
        CalendarCriteria dryRuns = new CalendarCriteria(
                now.minusSeconds(3600),
                now.plusSeconds(3600),
                OwnerScope.all(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Set.of(),
                Set.of(ScheduleStatus.DRY_RUN),
                Optional.empty(),
                10);
        assertThat(read((Transaction t) -> t.schedules().calendar(dryRuns)))
                .extracting(r -> r.schedule().status())
                .containsExactly(ScheduleStatus.DRY_RUN);
        CalendarCriteria failures = new CalendarCriteria(
                now.minusSeconds(3600),
                now.plusSeconds(3600),
                OwnerScope.all(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Set.of(),
                Set.of(ScheduleStatus.FAILED),
                Optional.empty(),
                10);
        assertThat(read((Transaction t) -> t.schedules().calendar(failures))).isEmpty();
    }

    @Test
    void findAll_returnsTheRowsThatExist_byId() {
        var a = fixture();
        var b = fixture();
        var missingPost = PostId.random();
        var missingVariant = VariantId.random();
        var missingConnection = ConnectionId.random();
        assertThat(read((Transaction t) -> t.posts()
                        .findAll(List.of(a.post().id(), missingPost, b.post().id()))))
                .containsOnly(
                        Map.entry(a.post().id(), a.post()), Map.entry(b.post().id(), b.post()));
        assertThat(read((Transaction t) -> t.variants()
                        .findAll(List.of(
                                b.variant().id(), missingVariant, a.variant().id()))))
                .containsOnly(
                        Map.entry(a.variant().id(), a.variant()),
                        Map.entry(b.variant().id(), b.variant()));
        assertThat(read((Transaction t) ->
                        t.connections().findAll(List.of(a.connection().id(), missingConnection))))
                .containsOnly(Map.entry(a.connection().id(), a.connection()));
        Map<ConnectionId, byte[]> sealed = read((Transaction t) -> t.connections()
                .credentialsAll(List.of(a.connection().id(), b.connection().id(), missingConnection)));
        assertThat(sealed).containsOnlyKeys(a.connection().id(), b.connection().id());
        assertThat(sealed.get(a.connection().id())).containsExactly(9, 9);
        assertThat(read((Transaction t) -> t.posts().findAll(List.of()))).isEmpty();
    }

    @Test
    void listByPosts_returnsTheSchedulesOfEachPost() {
        var a = fixture();
        var b = fixture();
        var c = fixture();
        Schedule a1 = schedule(a, now.plusSeconds(3600));
        Schedule a2 = schedule(a, now.plusSeconds(7200));
        Schedule b1 = schedule(b, now.plusSeconds(3600));
        Schedule c1 = schedule(c, now.plusSeconds(3600));
        tx(t -> List.of(a1, a2, b1, c1).forEach(t.schedules()::insert));
        assertThat(read((Transaction t) -> t.schedules()
                        .listByPosts(List.of(a.post().id(), b.post().id()))))
                .containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(read((Transaction t) -> t.schedules().listByPosts(List.of())))
                .isEmpty();
    }

    @Test
    void statusesByPosts_returnsEachScheduleOfThePostsWithItsTargetStatusAndFollowUpFlag() {
        var a = fixture();
        var b = fixture();
        var c = fixture();
        Schedule a1 = schedule(a, now.plusSeconds(3600)).toBuilder()
                .status(ScheduleStatus.SUCCESS)
                .build();
        Schedule a2 = Schedule.followUp(a1, new FollowUpLink(a1.id(), a1.id(), 0), now.plusSeconds(3660), now);
        Schedule b1 = schedule(b, now.plusSeconds(3600)).toBuilder()
                .status(ScheduleStatus.FAILED)
                .build();
        Schedule c1 = schedule(c, now.plusSeconds(3600));
        tx(t -> List.of(a1, a2, b1, c1).forEach(t.schedules()::insert));
        assertThat(read((Transaction t) -> t.schedules()
                        .statusesByPosts(List.of(a.post().id(), b.post().id()))))
                .containsExactlyInAnyOrder(
                        new ScheduleStatusRow(
                                a.post().id(), a.variant().id(), a.connection().id(), ScheduleStatus.SUCCESS, false),
                        new ScheduleStatusRow(
                                a.post().id(), a.variant().id(), a.connection().id(), ScheduleStatus.PENDING, true),
                        new ScheduleStatusRow(
                                b.post().id(), b.variant().id(), b.connection().id(), ScheduleStatus.FAILED, false));
        assertThat(read((Transaction t) ->
                        t.schedules().statusesByPosts(List.of(c.post().id()))))
                .containsExactly(ScheduleStatusRow.of(c1));
        assertThat(read((Transaction t) -> t.schedules().statusesByPosts(List.of())))
                .isEmpty();
    }

    @Test
    void markPublished_changesReadyAndFailedVariants_only() {
        var ready = fixture();
        var failed = fixture();
        var draft = fixture();
        var published = fixture();
        tx(t -> {
            t.variants().update(ready.variant().withStatus(VariantStatus.READY, now));
            PostVariant f = t.variants().update(failed.variant().withStatus(VariantStatus.READY, now));
            t.variants().update(f.withStatus(VariantStatus.FAILED, now));
            PostVariant p = t.variants().update(published.variant().withStatus(VariantStatus.READY, now));
            t.variants().update(p.withStatus(VariantStatus.PUBLISHED, now.minusSeconds(60)));
        });
        Instant at = now.plusSeconds(5);
        int changed = storage.inTransaction((Transaction t) -> t.variants()
                .markPublished(
                        List.of(
                                ready.variant().id(),
                                failed.variant().id(),
                                draft.variant().id(),
                                published.variant().id(),
                                VariantId.random()),
                        at));
        assertThat(changed).isEqualTo(2);
        PostVariant r =
                read((Transaction t) -> t.variants().find(ready.variant().id())).orElseThrow();
        assertThat(r.status()).isEqualTo(VariantStatus.PUBLISHED);
        assertThat(r.publishedAt()).contains(at);
        assertThat(r.version()).isEqualTo(ready.variant().version() + 2);
        assertThat(read((Transaction t) -> t.variants().find(failed.variant().id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(VariantStatus.PUBLISHED);
        assertThat(read((Transaction t) -> t.variants().find(draft.variant().id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(VariantStatus.DRAFT);
        PostVariant p = read((Transaction t) ->
                        t.variants().find(published.variant().id()))
                .orElseThrow();
        assertThat(p.publishedAt()).contains(now.minusSeconds(60));
    }

    @Test
    void updateStatuses_isVersioned_andChangesOnlyTheStatusFields() {
        var a = fixture();
        var b = fixture();
        Post scheduledA = a.post().withStatus(PostStatus.SCHEDULED, now.plusSeconds(1));
        Post scheduledB = b.post().withStatus(PostStatus.SCHEDULED, now.plusSeconds(1));
        tx(t -> t.posts().updateStatuses(List.of(scheduledA, scheduledB)));
        Post storedA = read((Transaction t) -> t.posts().find(a.post().id())).orElseThrow();
        assertThat(storedA.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(storedA.updatedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(storedA.tags()).isEqualTo(a.post().tags());
        assertThat(storedA.title()).isEqualTo(a.post().title());
        assertThat(storedA.version()).isEqualTo(a.post().version() + 1);
        Post published = storedA.withStatus(PostStatus.PUBLISHED, now.plusSeconds(2));
        tx(t -> t.posts().updateStatuses(List.of(published)));
        assertThat(read((Transaction t) -> t.posts().find(a.post().id()))
                        .orElseThrow()
                        .publishedAt())
                .contains(now.plusSeconds(2));
        // scheduledB's version is current, scheduledA's is stale: a conflict, and the transaction writes nothing
        Post stale = scheduledA.withStatus(PostStatus.DRAFT, now.plusSeconds(3));
        Post fresh = read((Transaction t) -> t.posts().find(b.post().id()))
                .orElseThrow()
                .withStatus(PostStatus.DRAFT, now.plusSeconds(3));
        assertThatThrownBy(() -> tx(t -> t.posts().updateStatuses(List.of(fresh, stale))))
                .isInstanceOf(ConflictException.class);
        assertThat(read((Transaction t) -> t.posts().find(b.post().id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void touchAll_recordsUseOfEachConnectionWithoutVersionBump() {
        var a = fixture();
        var b = fixture();
        tx(t -> t.connections()
                .touchAll(
                        List.of(a.connection().id(), b.connection().id(), ConnectionId.random()), now.plusSeconds(9)));
        for (var f : List.of(a, b)) {
            ChannelConnection touched = read((Transaction t) ->
                            t.connections().find(f.connection().id()))
                    .orElseThrow();
            assertThat(touched.lastUsedAt()).contains(now.plusSeconds(9));
            assertThat(touched.version()).isEqualTo(f.connection().version());
        }
    }

    @Test
    void heartbeat_extendsOnlyTheListedLeasesOfTheOwner() {
        var f = fixture();
        tx(t -> {
            for (int i = 0; i < 4; i++) {
                t.schedules().insert(schedule(f, now.minusSeconds(10 - i)));
            }
        });
        List<Schedule> a = claim("engine-a", 3);
        List<Schedule> b = claim("engine-b", 1);
        Instant later = now.plus(Duration.ofHours(1));
        // engine-a still holds a[0] and a[1]; it lost track of a[2]; b[0] is engine-b's and is not extended
        var held = List.of(a.get(0).id(), a.get(1).id(), b.get(0).id());
        assertThat(storage.inTransaction((Transaction t) -> t.queue().heartbeat("engine-a", held, later)))
                .isEqualTo(2);
        for (Schedule s : a.subList(0, 2)) {
            assertThat(leaseOf(s)).isEqualTo(later);
        }
        assertThat(leaseOf(a.get(2))).isBefore(later);
        assertThat(leaseOf(b.get(0))).isBefore(later);
        assertThat(storage.inTransaction((Transaction t) -> t.queue().heartbeat("engine-a", List.of(), later)))
                .isZero();
    }

    private Instant leaseOf(Schedule s) {
        return read((Transaction t) -> t.schedules().find(s.id()))
                .orElseThrow()
                .lease()
                .orElseThrow()
                .expiresAt();
    }

    @Test
    void release_returnsClaimsToPending_queuedOnesAndOnesClaimedStraightToProcessing_onlyForTheirHolder() {
        var f = fixture();
        tx(t -> {
            t.schedules().insert(schedule(f, now.minusSeconds(6)));
            t.schedules().insert(schedule(f, now.minusSeconds(5)));
        });
        Schedule queued = claim("engine-a", 1).get(0);
        Schedule straight = storage.inTransaction((Transaction t) -> t.queue()
                        .claim(new ClaimRequest(
                                "engine-a", 1, Duration.ofMinutes(1), Set.of(FAKE), Set.of(), Set.of(FAKE))))
                .get(0);
        assertThat(straight.status()).isEqualTo(ScheduleStatus.PROCESSING);

        assertThat(storage.inTransaction((Transaction t) -> t.queue()
                        .release(List.of(
                                new Fence(queued.id(), 1, "engine-b"), new Fence(straight.id(), 1, "engine-b")))))
                .isEmpty();
        List<Schedule> released = storage.inTransaction((Transaction t) -> t.queue()
                .release(List.of(new Fence(queued.id(), 1, "engine-a"), new Fence(straight.id(), 1, "engine-a"))));

        assertThat(released).extracting(Schedule::id).containsExactlyInAnyOrder(queued.id(), straight.id());
        assertThat(released).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ScheduleStatus.PENDING);
            assertThat(s.lease()).isEmpty();
        });
        assertThat(claim("engine-b", 2)).hasSize(2).allSatisfy(s -> assertThat(s.attemptCount())
                .isEqualTo(2));
    }

    @Test
    void reap_makesAnExpiredClaimStraightToProcessingUnconfirmed() throws InterruptedException {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = storage.inTransaction((Transaction t) -> t.queue()
                        .claim(new ClaimRequest(
                                "dead", 1, Duration.ofSeconds(1), Set.of(FAKE), Set.of(), Set.of(FAKE))))
                .get(0);
        waitPast(claimed.lease().orElseThrow().expiresAt());

        ReapResult reaped = storage.inTransaction((Transaction t) -> t.queue().reap(100));

        assertThat(reaped.requeued()).isEmpty();
        assertThat(reaped.unconfirmed()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(claimed.id());
            assertThat(s.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        });
    }

    @Test
    void reap_requeuesExpiredQueued_andMakesExpiredProcessingUnconfirmed() throws InterruptedException {
        var f = fixture();
        tx(t -> {
            t.schedules().insert(schedule(f, now.minusSeconds(10)));
            t.schedules().insert(schedule(f, now.minusSeconds(9)));
            t.schedules().insert(schedule(f, now.minusSeconds(8)));
        });
        List<Schedule> claimed = storage.inTransaction((Transaction t) ->
                t.queue().claim(new ClaimRequest("dead", 2, Duration.ofSeconds(1), Set.of(FAKE), Set.of())));
        Schedule alive = storage.inTransaction((Transaction t) ->
                        t.queue().claim(new ClaimRequest("alive", 1, Duration.ofHours(1), Set.of(FAKE), Set.of())))
                .get(0);
        Schedule queued = claimed.get(0);
        Schedule processing = claimed.get(1);
        storage.inTransaction(
                (Transaction t) -> t.queue().markProcessing(List.of(new Fence(processing.id(), 1, "dead"))));
        waitPast(queued.lease().orElseThrow().expiresAt());
        ReapResult reaped = storage.inTransaction((Transaction t) -> t.queue().reap(100));
        assertThat(reaped.requeued()).extracting(Schedule::id).containsExactly(queued.id());
        assertThat(reaped.unconfirmed()).extracting(Schedule::id).containsExactly(processing.id());
        assertThat(read((Transaction t) -> t.schedules().find(queued.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.PENDING);
        Schedule unconfirmed =
                read((Transaction t) -> t.schedules().find(processing.id())).orElseThrow();
        assertThat(unconfirmed.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(unconfirmed.lease())
                .hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("dead"));
        assertThat(read((Transaction t) -> t.schedules().find(alive.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(ScheduleStatus.QUEUED);
        // the dead holder's late but fenced outcome is still recorded
        assertThat(storage.inTransaction((Transaction t) -> t.queue()
                        .complete(
                                new Fence(processing.id(), 1, "dead"),
                                unconfirmed.toBuilder()
                                        .status(ScheduleStatus.SUCCESS)
                                        .build())))
                .isTrue();
        // nothing is reaped twice, an unconfirmed schedule is never claimed again
        assertThat(storage.inTransaction((Transaction t) -> t.queue().reap(100)).isEmpty())
                .isTrue();
        assertThat(claim("alive", 10)).extracting(Schedule::id).containsExactly(queued.id());
    }

    @Test
    void nextDue_isTheEarliestPendingAttemptOfTheChannels() {
        var f = fixture();
        assertThat(read((Transaction t) -> t.queue().nextDue(Set.of(FAKE)))).isEmpty();
        tx(t -> {
            t.schedules().insert(schedule(f, now.plusSeconds(300)));
            t.schedules().insert(schedule(f, now.plusSeconds(100)));
            t.schedules()
                    .insert(schedule(f, now.plusSeconds(50)).toBuilder()
                            .status(ScheduleStatus.CANCELLED)
                            .build());
        });
        assertThat(read((Transaction t) -> t.queue().nextDue(Set.of(FAKE)))).contains(now.plusSeconds(100));
        assertThat(read((Transaction t) -> t.queue().nextDue(Set.of(OTHER)))).isEmpty();
    }

    @Test
    void backlog_countsDueAndUnconfirmedSchedulesOfTheChannels_withTheOldestDue() {
        var f = fixture();
        Backlog empty = read((Transaction t) -> t.queue().backlog(Set.of(FAKE, OTHER)));
        assertThat(empty.due()).isZero();
        assertThat(empty.oldestDue()).isEmpty();
        assertThat(empty.unconfirmed()).isZero();
        assertThat(empty.asOf()).isCloseTo(now, within(Duration.ofMinutes(1)));

        PostVariant onOther = variant(f.post(), OTHER, "elsewhere");
        tx(t -> t.variants().insert(onOther));
        tx(t -> {
            t.schedules().insert(schedule(f, now.minusSeconds(40)));
            t.schedules().insert(schedule(f, now.minusSeconds(20)));
            t.schedules().insert(schedule(f, now.plusSeconds(3600))); // pending, not due yet
            t.schedules()
                    .insert(schedule(f, now.minusSeconds(90)).toBuilder()
                            .status(ScheduleStatus.CANCELLED)
                            .build());
            t.schedules()
                    .insert(schedule(f, now.minusSeconds(80)).toBuilder()
                            .status(ScheduleStatus.UNCONFIRMED)
                            .attemptCount(1)
                            .build());
            t.schedules().insert(Schedule.pending(onOther, f.connection().id(), now.minusSeconds(70), BERLIN, now));
            t.schedules()
                    .insert(
                            Schedule.pending(onOther, f.connection().id(), now.minusSeconds(60), BERLIN, now)
                                    .toBuilder()
                                    .status(ScheduleStatus.UNCONFIRMED)
                                    .attemptCount(1)
                                    .build());
        });

        Backlog fake = read((Transaction t) -> t.queue().backlog(Set.of(FAKE)));
        assertThat(fake.due()).isEqualTo(2);
        assertThat(fake.oldestDue()).contains(now.minusSeconds(40));
        assertThat(fake.unconfirmed()).isEqualTo(1);
        assertThat(fake.oldestDueAge()).isGreaterThanOrEqualTo(Duration.ofSeconds(40));

        Backlog both = read((Transaction t) -> t.queue().backlog(Set.of(FAKE, OTHER)));
        assertThat(both.due()).isEqualTo(3);
        assertThat(both.oldestDue()).contains(now.minusSeconds(70));
        assertThat(both.unconfirmed()).isEqualTo(2);

        // a claimed schedule is no longer waiting
        assertThat(claim("engine", 1)).extracting(Schedule::nextAttemptAt).containsExactly(now.minusSeconds(70));
        Backlog afterClaim = read((Transaction t) -> t.queue().backlog(Set.of(FAKE, OTHER)));
        assertThat(afterClaim.due()).isEqualTo(2);
        assertThat(afterClaim.oldestDue()).contains(now.minusSeconds(40));

        assertThat(read((Transaction t) -> t.queue().backlog(Set.of())).due()).isZero();
    }

    @Test
    void defer_movesThePendingSchedulesOfTheConnection() {
        var f = fixture();
        ChannelConnection other = connection("alice", FAKE);
        tx(t -> t.connections().insert(other, new byte[] {1}));
        Schedule a = schedule(f, now.minusSeconds(5));
        Schedule b = schedule(f, now.plusSeconds(5000));
        Schedule c = Schedule.pending(f.variant(), other.id(), now.minusSeconds(5), BERLIN, now);
        tx(t -> {
            t.schedules().insert(a);
            t.schedules().insert(b);
            t.schedules().insert(c);
        });
        Instant until = now.plusSeconds(900);
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().defer(f.connection().id(), until)))
                .isEqualTo(1);
        assertThat(read((Transaction t) -> t.schedules().find(a.id()))
                        .orElseThrow()
                        .nextAttemptAt())
                .isEqualTo(until);
        assertThat(read((Transaction t) -> t.schedules().find(a.id()))
                        .orElseThrow()
                        .runAt())
                .isEqualTo(a.runAt());
        assertThat(read((Transaction t) -> t.schedules().find(b.id()))
                        .orElseThrow()
                        .nextAttemptAt())
                .isEqualTo(b.nextAttemptAt());
        assertThat(claim("e", 10)).extracting(Schedule::id).containsExactly(c.id());
    }

    @Test
    void retriedSchedules_areClaimedAgainAtTheirNextAttempt() {
        var f = fixture();
        tx(t -> t.schedules().insert(schedule(f, now.minusSeconds(5))));
        Schedule claimed = claim("engine-a", 1).get(0);
        storage.inTransaction(
                (Transaction t) -> t.queue().markProcessing(List.of(new Fence(claimed.id(), 1, "engine-a"))));
        Schedule retry = claimed.toBuilder()
                .status(ScheduleStatus.PENDING)
                .nextAttemptAt(now.minusSeconds(1))
                .error(Optional.of("http_503"), Optional.of("unavailable"))
                .build();
        assertThat(storage.inTransaction(
                        (Transaction t) -> t.queue().complete(new Fence(claimed.id(), 1, "engine-a"), retry)))
                .isTrue();
        assertThat(claim("engine-b", 5)).singleElement().satisfies(s -> {
            assertThat(s.attemptCount()).isEqualTo(2);
            assertThat(s.errorCode()).contains("http_503");
        });
    }

    // ================================================================== fixtures

    /** A post with one variant and one connection of alice on the fake channel. */
    protected record Fixture(Post post, PostVariant variant, ChannelConnection connection) {}

    protected Fixture fixture() {
        Post p = post("alice", now, List.of("launch"));
        PostVariant v = variant(p, FAKE, "hello");
        ChannelConnection c = connection("alice", FAKE);
        tx(t -> {
            t.posts().insert(p);
            t.variants().insert(v);
            t.connections().insert(c, new byte[] {9, 9});
        });
        return new Fixture(p, v, c);
    }

    private List<Schedule> claim(String owner, int limit) {
        return storage.inTransaction((Transaction t) ->
                t.queue().claim(new ClaimRequest(owner, limit, Duration.ofMinutes(5), Set.of(FAKE, OTHER), Set.of())));
    }

    private void waitPast(Instant instant) throws InterruptedException {
        while (!storage.readOnly((Transaction t) -> t.queue().now()).isAfter(instant.plusMillis(50))) {
            Thread.sleep(50);
        }
    }

    private Channel channel(String key) {
        return new Channel(
                ChannelId.forKey(key),
                key,
                "Channel " + key,
                ChannelStatus.ACTIVE,
                ChannelLimits.builder(500).images(4).build(),
                now,
                now);
    }

    private ChannelConnection connection(String owner, ChannelId channel) {
        return connection(owner, channel, now);
    }

    private ChannelConnection connection(String owner, ChannelId channel, Instant created) {
        var props = new LinkedHashMap<String, String>();
        props.put("username", owner);
        props.put("author_urn", "urn:li:person:" + owner);
        return new ChannelConnection(
                ConnectionId.random(),
                owner,
                channel,
                "@" + owner,
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                props,
                Optional.of(created.plus(Duration.ofHours(2))),
                Optional.empty(),
                created,
                created,
                Optional.empty(),
                0);
    }

    private static Post post(String owner, Instant created, List<String> tags) {
        return new Post(
                PostId.random(),
                owner,
                Optional.of("Title of " + owner),
                "Base content",
                tags,
                PostStatus.DRAFT,
                Map.of("campaign", "q4"),
                created,
                created,
                Optional.empty(),
                0);
    }

    private PostVariant variant(Post post, ChannelId channel, String content) {
        return new PostVariant(
                VariantId.random(),
                post.id(),
                channel,
                Optional.empty(),
                content,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.DRAFT,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
    }

    private Schedule schedule(Fixture f, Instant runAt) {
        return Schedule.pending(f.variant(), f.connection().id(), runAt, BERLIN, now);
    }

    private static PublishEvent event(Schedule s, int attempt, Instant at, PublishEventStatus status) {
        Optional<String> raw = Optional.of("{\"raw\":true}");
        Optional<FailureKind> kind = Optional.of(FailureKind.RETRYABLE);
        return switch (status) {
            case SUCCESS ->
                PublishEvent.success(s.id(), attempt, at, "ext", Optional.of("https://fake.example/ext"), raw);
            case FAILED -> PublishEvent.failed(s.id(), attempt, at, kind, "http_503", "unavailable", raw);
            case RETRIED -> PublishEvent.retried(s.id(), attempt, at, kind, "http_503", "unavailable", raw);
            case UNCONFIRMED -> PublishEvent.unconfirmed(s.id(), attempt, at, kind, "http_503", "unavailable", raw);
            default -> throw new IllegalArgumentException("no such event in these tests: " + status);
        };
    }

    private PostTemplate template(String owner, String name) {
        return new PostTemplate(
                TemplateId.random(),
                owner,
                name,
                Optional.empty(),
                "New: {{feature}}",
                Optional.empty(),
                TemplateConstraints.none(),
                now,
                now,
                0);
    }

    private GenerationSuggestion suggestion(GenerationSession session, String text, OptionalDouble score) {
        return new GenerationSuggestion(
                SuggestionId.random(),
                session.id(),
                FAKE,
                text,
                score,
                false,
                Map.of("model", "m", "truncated", "false"),
                now,
                0);
    }

    private static CalendarCriteria criteria(
            Instant from, Instant to, OwnerScope owners, Optional<Cursor> after, int limit) {
        return new CalendarCriteria(
                from, to, owners, Set.of(), Set.of(), Optional.empty(), Set.of(), Set.of(), after, limit);
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    private void tx(java.util.function.Consumer<Transaction> work) {
        storage.inTransaction((Transaction t) -> {
            work.accept(t);
            return null;
        });
    }

    private <T> T read(io.luxaris.spi.storage.TransactionWork<T> work) {
        return storage.readOnly(work);
    }

    static Set<ScheduleId> ids(List<Schedule> schedules) {
        var set = new HashSet<ScheduleId>();
        schedules.forEach(s -> set.add(s.id()));
        return set;
    }
}
