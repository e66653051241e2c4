package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.IdempotencyRecord;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.CountBy;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.PostQuery;
import io.luxaris.usecase.ScheduleCount;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a storage must do for idempotency keys, batched schedule inserts, marking variants ready and grouped schedule
 * counts: the SPI directly for keys, and the facade over the store for the bulk calls and counts.
 */
public abstract class BulkStorageContract {
    private static final Principal ALICE = Principal.of("alice");
    private static final Principal BOB = Principal.of("bob");

    private Luxaris luxaris;
    private Storage storage;
    private Instant now;

    /** For subclasses. */
    protected BulkStorageContract() {}

    /**
     * A provider of a new, empty store.
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    @BeforeEach
    void open() {
        StorageProvider provider = provider();
        luxaris = Luxaris.builder()
                .storage(provider)
                .channel(ScriptedChannel.create("fake"))
                .channel(ScriptedChannel.create("other"))
                .secretCipher(SecretCipher.ephemeral())
                .build();
        storage = provider.open(new StorageContext(Clock.systemUTC()));
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @AfterEach
    void close() {
        if (luxaris != null) {
            luxaris.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    // ================================================================== idempotency keys (SPI)

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    @Test
    void idempotency_firstClaimInsertsThenTheStoredRecordIsReturned() {
        String key = "key-" + UUID.randomUUID();
        assertThat(claim("alice", key, "fp-1", now)).isEmpty();
        storage.inTransaction(tx -> {
            tx.idempotency().complete("alice", key, "+id-1");
            return null;
        });

        Optional<IdempotencyRecord> again = claim("alice", key, "fp-2", now.plusSeconds(1));

        assertThat(again).hasValueSatisfying(r -> {
            assertThat(r.fingerprint()).isEqualTo(fingerprint("fp-1"));
            assertThat(r.operation()).isEqualTo("test.op");
            assertThat(r.result()).isEqualTo("+id-1");
            assertThat(r.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void idempotency_keysAreScopedPerPrincipal() {
        assertThat(claim("alice", "shared", "fp", now)).isEmpty();
        assertThat(claim("bob", "shared", "fp", now)).isEmpty();
    }

    @Test
    void idempotency_aRolledBackClaimLeavesNoKey() {
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
                    tx.idempotency().claim(record("alice", "k", "fp", now));
                    throw new IllegalStateException("the creation failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(claim("alice", "k", "fp", now)).isEmpty();
    }

    @Test
    void idempotency_anExpiredKeyIsReplacedByANewClaim() {
        assertThat(claim("alice", "k", "fp-old", now)).isEmpty();
        Instant later = now.plus(Duration.ofHours(1));

        assertThat(claim("alice", "k", "fp-new", later)).isEmpty();
        assertThat(claim("alice", "k", "fp-x", later.plusSeconds(1)))
                .hasValueSatisfying(r -> assertThat(r.fingerprint()).isEqualTo(fingerprint("fp-new")));
    }

    @Test
    void idempotency_purgeDeletesExpiredKeysOnlyUpToTheLimit() {
        claim("alice", "old-1", "fp", now.minus(Duration.ofHours(3)));
        claim("alice", "old-2", "fp", now.minus(Duration.ofHours(2)));
        claim("alice", "live", "fp", now);

        int first = storage.inTransaction(tx -> tx.idempotency().purgeExpired(now, 1));
        int second = storage.inTransaction(tx -> tx.idempotency().purgeExpired(now, 10));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(claim("alice", "live", "other", now.plusSeconds(1))).isPresent();
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    @Test
    void idempotency_completingAnUnclaimedKeyFails() {
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
                    tx.idempotency().complete("alice", "never-claimed", "+x");
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    @Test
    void idempotency_theLongestKeyAndScopeAndALargeResultAreStored() {
        String scope = "s".repeat(IdempotencyRecord.MAX_SCOPE);
        String key = "k".repeat(IdempotencyRecord.MAX_KEY);
        String result = ("+" + UUID.randomUUID() + "\n").repeat(1_000).strip();
        claim(scope, key, "fp", now);
        storage.inTransaction(tx -> {
            tx.idempotency().complete(scope, key, result);
            return null;
        });
        assertThat(claim(scope, key, "fp", now))
                .hasValueSatisfying(r -> assertThat(r.result()).isEqualTo(result));
    }

    // ================================================================== bulk calls through the facade

    @Test
    void scheduleAll_insertsTheValidItemsMarksVariantsReadyAndReportsTheInvalidOnes() {
        ChannelConnection account = connect(ALICE, "fake");
        var variants = new ArrayList<PostVariant>();
        var requests = new ArrayList<ScheduleRequest>();
        for (int i = 0; i < 20; i++) {
            PostVariant v = draft(ALICE, "fake", "post " + i);
            variants.add(v);
            requests.add(ScheduleRequest.at(v.id(), account.id(), now.plus(Duration.ofHours(i + 1))));
        }
        requests.add(ScheduleRequest.at(variants.get(0).id(), account.id(), now.minus(Duration.ofHours(1))));

        BulkResult<Schedule> result = luxaris.schedules().scheduleAll(ALICE, requests);

        assertThat(result.created()).hasSize(20);
        assertThat(result.rejected()).singleElement().satisfies(item -> assertThat(item.violations())
                .anySatisfy(v -> assertThat(v.rule()).isEqualTo("in_past")));
        for (Schedule s : result.created()) {
            assertThat(luxaris.schedules().get(ALICE, s.id()).runAt()).isEqualTo(s.runAt());
        }
        assertThat(luxaris.posts().variant(ALICE, variants.get(5).id()).status())
                .isEqualTo(VariantStatus.READY);
        assertThat(luxaris.posts().get(ALICE, variants.get(5).postId()).post().status())
                .isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void scheduleWithKey_repeatedReturnsTheFirstScheduleAndAnotherRequestConflicts() {
        ChannelConnection account = connect(ALICE, "fake");
        PostVariant v = draft(ALICE, "fake", "once");
        var request = ScheduleRequest.at(v.id(), account.id(), now.plus(Duration.ofDays(1)));
        var key = IdempotencyKey.of("order-" + UUID.randomUUID());

        Schedule first = luxaris.schedules().schedule(ALICE, request, key);
        Schedule again = luxaris.schedules().schedule(ALICE, request, key);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(luxaris.schedules().listForPost(ALICE, v.postId())).hasSize(1);
        var other = ScheduleRequest.at(v.id(), account.id(), now.plus(Duration.ofDays(2)));
        assertThatThrownBy(() -> luxaris.schedules().schedule(ALICE, other, key))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(key.value());
    }

    @Test
    void createAll_storesEveryValidPostWithItsVariantsAndTags_inOneCall() {
        var drafts = new ArrayList<PostDraft>();
        for (int i = 0; i < 30; i++) {
            drafts.add(PostDraft.of("post " + i)
                    .withTags("bulk", "n" + (i % 3), "bulk")
                    .withVariant(VariantDraft.of("fake", "fake " + i))
                    .withVariant(VariantDraft.of("other", "other " + i)));
        }
        drafts.add(PostDraft.of("untagged").withVariant(VariantDraft.of("fake", "untagged")));
        drafts.add(5, PostDraft.of("bad").withVariant(VariantDraft.of("fake", "")));

        BulkResult<PostDetails> result = luxaris.posts().createAll(ALICE, drafts);

        assertThat(result.rejected()).singleElement().satisfies(item -> assertThat(item.index())
                .isEqualTo(5));
        assertThat(result.created()).hasSize(31);
        for (PostDetails created : result.created()) {
            PostDetails stored = luxaris.posts().get(ALICE, created.post().id());
            assertThat(stored.post().baseContent()).isEqualTo(created.post().baseContent());
            assertThat(stored.post().tags()).isEqualTo(created.post().tags());
            assertThat(stored.variants())
                    .extracting(v -> v.id() + " " + v.content())
                    .containsExactlyInAnyOrderElementsOf(created.variants().stream()
                            .map(v -> v.id() + " " + v.content())
                            .toList());
        }
        assertThat(luxaris.posts().list(ALICE, PostQuery.all().withTag("n1")).items())
                .extracting(Post::baseContent)
                .containsExactlyInAnyOrder(
                        "post 1", "post 4", "post 7", "post 10", "post 13", "post 16", "post 19", "post 22", "post 25",
                        "post 28");
        assertThat(luxaris.posts()
                        .list(ALICE, PostQuery.all().withTag("bulk").withPage(PageRequest.first(100)))
                        .items())
                .hasSize(30);
    }

    @Test
    void createAllWithKey_repeatedReturnsTheSamePosts() {
        var drafts = List.of(
                PostDraft.of("one").withVariant(VariantDraft.of("fake", "one")),
                PostDraft.of("two").withVariant(VariantDraft.of("other", "two")));
        var key = IdempotencyKey.of("import-" + UUID.randomUUID());

        var first = luxaris.posts().createAll(ALICE, drafts, key);
        var again = luxaris.posts().createAll(ALICE, drafts, key);

        assertThat(again.created().stream().map(d -> d.post().id()).toList())
                .isEqualTo(first.created().stream().map(d -> d.post().id()).toList());
        assertThat(again.created().get(1).variants().get(0).id())
                .isEqualTo(first.created().get(1).variants().get(0).id());
    }

    // ================================================================== counts

    @Test
    void counts_groupByStatusChannelAndConnectionWithinTheRangeAndTheOwnerScope() {
        ChannelConnection fake = connect(ALICE, "fake");
        ChannelConnection other = connect(ALICE, "other");
        ChannelConnection bobs = connect(BOB, "fake");
        Instant from = now.plus(Duration.ofDays(1));
        var requests = new ArrayList<ScheduleRequest>();
        for (int i = 0; i < 3; i++) {
            requests.add(
                    ScheduleRequest.at(draft(ALICE, "fake", "f" + i).id(), fake.id(), from.plus(Duration.ofHours(i))));
        }
        requests.add(ScheduleRequest.at(draft(ALICE, "other", "o").id(), other.id(), from.plusSeconds(60)));
        requests.add(ScheduleRequest.at(draft(ALICE, "fake", "later").id(), fake.id(), from.plus(Duration.ofDays(3))));
        List<Schedule> created =
                luxaris.schedules().scheduleAll(ALICE, requests).created();
        luxaris.schedules().cancel(ALICE, created.get(0).id());
        luxaris.schedules()
                .schedule(BOB, ScheduleRequest.at(draft(BOB, "fake", "b").id(), bobs.id(), from.plusSeconds(5)));
        Instant to = from.plus(Duration.ofDays(1));

        List<ScheduleCount> byAll =
                luxaris.schedules().counts(ALICE, from, to, CountBy.STATUS, CountBy.CHANNEL, CountBy.CONNECTION);
        List<ScheduleCount> total = luxaris.schedules().counts(ALICE, from, to);
        List<ScheduleCount> byChannel = luxaris.schedules().counts(ALICE, from, to, CountBy.CHANNEL);

        assertThat(byAll)
                .containsExactly(
                        new ScheduleCount(
                                Optional.of(ScheduleStatus.CANCELLED), Optional.of("fake"), Optional.of(fake.id()), 1),
                        count(ScheduleStatus.PENDING, "fake", fake, 2),
                        count(ScheduleStatus.PENDING, "other", other, 1));
        assertThat(total).singleElement().extracting(ScheduleCount::count).isEqualTo(4L);
        assertThat(byChannel)
                .extracting(c -> c.channel().orElseThrow() + "=" + c.count())
                .containsExactly("fake=3", "other=1");
        assertThat(luxaris.schedules().counts(BOB, from, to, CountBy.STATUS))
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    }

    @Test
    void counts_nothingInRangeGivesNoGroups() {
        assertThat(luxaris.schedules().counts(ALICE, now, now.plus(Duration.ofDays(1))))
                .isEmpty();
    }

    // ================================================================== helpers

    private static ScheduleCount count(ScheduleStatus status, String channel, ChannelConnection c, long n) {
        return new ScheduleCount(Optional.of(status), Optional.of(channel), Optional.of(c.id()), n);
    }

    private ChannelConnection connect(Principal owner, String channel) {
        return luxaris.channels()
                .connect(owner, ConnectionRequest.of(channel, "@" + owner.id(), Credentials.bearer("t")));
    }

    private PostVariant draft(Principal owner, String channel, String text) {
        return luxaris.posts()
                .create(owner, PostDraft.of(text).withVariant(VariantDraft.of(channel, text)))
                .firstVariant();
    }

    private Optional<IdempotencyRecord> claim(String scope, String key, String fp, Instant at) {
        return storage.inTransaction(tx -> tx.idempotency().claim(record(scope, key, fp, at)));
    }

    private static IdempotencyRecord record(String scope, String key, String fp, Instant at) {
        return new IdempotencyRecord(scope, key, "test.op", fingerprint(fp), "", at, at.plus(Duration.ofHours(1)));
    }

    private static String fingerprint(String name) {
        String hex = Integer.toHexString(name.hashCode());
        return (hex + "0".repeat(IdempotencyRecord.FINGERPRINT_LENGTH))
                .substring(0, IdempotencyRecord.FINGERPRINT_LENGTH);
    }
}
