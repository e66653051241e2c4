package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour that must hold on PostgreSQL, MariaDB and H2 alike, beyond the storage contract. */
class EveryDatabaseTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoEnginesWithTheirOwnPools_publishEveryDueScheduleExactlyOnce(TestDatabase.Kind kind) throws Exception {
        int n = 600;
        try (TestDatabase db = TestDatabase.of(kind);
                JdbcStorage first = db.storage().poolName("first").build();
                JdbcStorage second = db.storage().poolName("second").build()) {
            var channel = ScriptedChannel.create("fake");
            var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
            EngineSettings engine = EngineSettings.builder()
                    .maxConcurrency(32)
                    .perConnectionConcurrency(32)
                    .claimBatchSize(32)
                    .maxIdleSleep(Duration.ofMillis(300))
                    .build();
            try (Luxaris a = luxaris(first, cipher, channel, engine, "engine-a");
                    Luxaris b = luxaris(second, cipher, channel, engine, "engine-b")) {
                ChannelConnection account = a.channels()
                        .connect(
                                Principal.of("alice"),
                                ConnectionRequest.of("fake", "@alice", Credentials.bearer("t0k")));
                Storage storage = first.open(new StorageContext(Clock.systemUTC()));
                Instant now = storage.readOnly((Transaction tx) -> tx.queue().now());
                List<ScheduleId> ids = Seeds.dueSchedules(storage, List.of(account), n, now.minusSeconds(1));
                a.publishing().start();
                b.publishing().start();
                assertThat(Counts.await(Duration.ofSeconds(60), () -> Counts.active(db) == 0))
                        .isTrue();
            }
            var posts = new HashMap<ScheduleId, Integer>();
            channel.posts().forEach(p -> posts.merge(p.schedule(), 1, Integer::sum));
            System.out.printf("%s: two engines published %d schedules: %s%n", kind, n, Counts.byStatus(db));
            assertThat(Counts.byStatus(db)).containsExactly(Map.entry("success", n));
            assertThat(posts.values()).allSatisfy(c -> assertThat(c).isEqualTo(1));
            assertThat(posts).hasSize(n);
        }
    }

    private static Luxaris luxaris(
            JdbcStorage storage, TinkSecretCipher cipher, ScriptedChannel channel, EngineSettings engine, String id) {
        return Luxaris.builder()
                .storage(storage)
                .secretCipher(cipher)
                .channel(channel)
                .engine(engine)
                .instanceId(id)
                .build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentUpdatesOfOneRow_oneWins_theOtherIsAConflict_neverALostUpdate(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase db = TestDatabase.of(kind);
                JdbcStorage jdbc = db.storage().build()) {
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Post post = Post.draft("alice", Optional.empty(), "v0", List.of(), Map.of(), now);
            storage.inTransaction(tx -> {
                tx.posts().insert(post);
                return null;
            });
            for (int round = 0; round < 10; round++) {
                var barrier = new CyclicBarrier(2);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    var results = new ArrayList<Future<String>>();
                    for (String writer : List.of("a", "b")) {
                        results.add(pool.submit(() -> {
                            try {
                                return storage.inTransaction(tx -> {
                                    Post read = tx.posts().find(post.id()).orElseThrow();
                                    await(barrier);
                                    tx.posts()
                                            .update(read.withContent(
                                                    Optional.empty(),
                                                    read.baseContent() + writer,
                                                    List.of(),
                                                    Map.of(),
                                                    now));
                                    return "won";
                                });
                            } catch (ConflictException e) {
                                return "conflict";
                            }
                        }));
                    }
                    List<String> outcomes = new ArrayList<>();
                    for (Future<String> f : results) {
                        outcomes.add(f.get(30, TimeUnit.SECONDS));
                    }
                    assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("won", "conflict");
                } finally {
                    pool.shutdownNow();
                }
            }
            Post stored = storage.readOnly(
                    (Transaction tx) -> tx.posts().find(post.id()).orElseThrow());
            assertThat(stored.version()).isEqualTo(10);
            assertThat(stored.baseContent()).hasSize("v0".length() + 10);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void valuesAtEveryLimit_fitTheColumns_andComeBackUnchanged(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind);
                JdbcStorage jdbc = db.storage().build()) {
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // supplementary characters: 2 chars in Java, 1 code point, 4 bytes in UTF-8
            String rocket = "\uD83D\uDE80";
            var metadata = new LinkedHashMap<String, String>();
            for (int i = 0; i < Limits.METADATA_ENTRIES; i++) {
                metadata.put(
                        ("k" + i + "-").repeat(40).substring(0, Limits.METADATA_KEY),
                        "v".repeat(Limits.METADATA_VALUE));
            }
            var tags = new ArrayList<String>();
            for (int i = 0; i < Limits.TAGS; i++) {
                tags.add((i + "-" + "é".repeat(Limits.TAG)).substring(0, Limits.TAG));
            }
            Post post = new Post(
                    PostId.random(),
                    "p".repeat(Principal.MAX_ID_LENGTH),
                    Optional.of(rocket.repeat(Limits.TITLE / 2)),
                    rocket.repeat(Limits.BASE_CONTENT / 2),
                    tags,
                    PostStatus.DRAFT,
                    metadata,
                    now,
                    now,
                    Optional.empty(),
                    0);
            var thread = new ArrayList<String>();
            for (int i = 0; i < Limits.THREAD_PARTS; i++) {
                thread.add("t".repeat(Limits.VARIANT_CONTENT));
            }
            var media = new ArrayList<MediaRef>();
            for (int i = 0; i < Limits.MEDIA; i++) {
                media.add(MediaRef.image("r".repeat(Limits.MEDIA_REF), "a".repeat(Limits.MEDIA_REF)));
            }
            PostVariant variant = new PostVariant(
                    VariantId.random(),
                    post.id(),
                    io.luxaris.domain.ChannelId.forKey("fake"),
                    Optional.empty(),
                    "ü".repeat(Limits.VARIANT_CONTENT),
                    thread,
                    media,
                    Optional.of("x".repeat(Limits.TONE)),
                    VariantSource.GENERATED,
                    VariantStatus.DRAFT,
                    metadata,
                    now,
                    now,
                    Optional.empty(),
                    0);
            storage.inTransaction(tx -> {
                tx.posts().insert(post);
                tx.variants().insert(variant);
                return null;
            });
            assertThat(storage.readOnly((Transaction tx) -> tx.posts().find(post.id())))
                    .contains(post);
            assertThat(storage.readOnly((Transaction tx) -> tx.variants().find(variant.id())))
                    .contains(variant);
            assertThat(storage.readOnly((Transaction tx) -> tx.posts()
                            .list(new PostCriteria(
                                    OwnerScope.only(post.ownerPrincipalId()),
                                    Set.of(),
                                    Optional.of(tags.get(Limits.TAGS - 1)),
                                    Optional.empty(),
                                    10))))
                    .containsExactly(post);

            Post tooLong = post.withContent(post.title(), post.baseContent() + "x", tags, metadata, now);
            assertThatThrownBy(() -> storage.inTransaction(tx -> tx.posts().update(tooLong)))
                    .isInstanceOf(io.luxaris.errors.ValidationException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migrations_rerunOnAnExistingDatabase_andTablePrefixesLiveSideBySide(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Post post = Post.draft("alice", Optional.empty(), "kept", List.of(), Map.of(), Instant.now());
            try (JdbcStorage jdbc = db.storage().build()) {
                jdbc.open(new StorageContext(Clock.systemUTC())).inTransaction(tx -> {
                    tx.posts().insert(post);
                    return null;
                });
            }
            // again: nothing to migrate, data kept
            try (JdbcStorage again = db.storage().build()) {
                assertThat(again.open(new StorageContext(Clock.systemUTC()))
                                .readOnly((Transaction tx) -> tx.posts().find(post.id())))
                        .isPresent();
            }
            // another prefix in the same schema: its own tables, its own history
            try (JdbcStorage other = db.storage().tablePrefix("other_").build()) {
                Storage storage = other.open(new StorageContext(Clock.systemUTC()));
                assertThat(storage.readOnly((Transaction tx) -> tx.posts().find(post.id())))
                        .isEmpty();
                storage.inTransaction(tx -> {
                    tx.posts().insert(post);
                    return null;
                });
                assertThat(storage.readOnly((Transaction tx) -> tx.posts().find(post.id())))
                        .isPresent();
                assertThat(other.description()).contains("other_*");
            }
            assertThat(Counts.number(db, "SELECT count(*) FROM " + db.qualified("post")))
                    .isEqualTo(1);
        }
    }
}
