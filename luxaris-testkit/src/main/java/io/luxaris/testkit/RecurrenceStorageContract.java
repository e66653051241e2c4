package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract of recurring series ({@link io.luxaris.spi.storage.RecurrenceRepository}): every field
 * round-trips, updates are versioned, occurrences are unique per (series, revision, index), active series page by
 * id, and the largest allowed series fits. Extend it with one thin subclass per implementation; {@link
 * #provider()} must give an <em>empty</em> store for every test.
 */
public abstract class RecurrenceStorageContract {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ChannelId FAKE = ChannelId.forKey("fake");

    /** The storage under test; test-local state. */
    protected Storage storage;

    private Instant now;
    private Post post;
    private PostVariant variant;
    private ChannelConnection connection;

    /** For subclasses. */
    protected RecurrenceStorageContract() {}

    /**
     * A provider of a new, empty store.
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    @BeforeEach
    void openStorage() {
        storage = provider().open(new StorageContext(Clock.systemUTC()));
        now = storage.readOnly(tx -> tx.queue().now()).truncatedTo(ChronoUnit.MILLIS);
        post = ContractRows.post("alice", "Weekly tip", now);
        variant = ContractRows.readyVariant(post.id(), FAKE, "Tip of the week", now);
        connection = ContractRows.connection("alice", FAKE, now);
        tx(t -> {
            t.channels().upsert(ContractRows.fakeChannel(FAKE, now));
            t.posts().insert(post);
            t.variants().insert(variant);
            t.connections().insert(connection, new byte[] {7});
        });
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    private void tx(java.util.function.Consumer<Transaction> work) {
        storage.inTransaction((Transaction t) -> {
            work.accept(t);
            return null;
        });
    }

    private RecurringSeries series(RecurrenceRule rule, List<String> variations) {
        return new RecurringSeries(
                SeriesId.random(),
                post.id(),
                variant.id(),
                FAKE,
                connection.id(),
                rule,
                variations,
                30,
                10,
                SeriesStatus.ACTIVE,
                0,
                0,
                now,
                now,
                0);
    }

    private static RecurrenceRule weekly() {
        return RecurrenceRule.weekly(
                        2,
                        Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
                        LocalDate.of(2026, 3, 2),
                        LocalTime.of(9, 30),
                        BERLIN)
                .endingAfter(12);
    }

    private Schedule schedule(Instant at) {
        Schedule s = Schedule.pending(variant, connection.id(), at, BERLIN, now);
        tx(t -> t.schedules().insert(s));
        return s;
    }

    @Test
    void series_roundTripsEveryField() {
        RecurringSeries weekly = series(weekly(), List.of("Tip one ✨", "Tip \"two\"\nwith a line"));
        RecurringSeries monthly = series(
                RecurrenceRule.monthly(3, 31, LocalDate.of(2026, 1, 15), LocalTime.of(17, 0, 5), ZoneId.of("UTC"))
                        .endingOn(LocalDate.of(2027, 12, 31)),
                List.of());
        tx(t -> {
            t.recurrences().insert(weekly);
            t.recurrences().insert(monthly);
        });

        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(weekly.id())))
                .contains(weekly);
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(monthly.id())))
                .contains(monthly);
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(SeriesId.random())))
                .isEmpty();
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().listByPost(post.id())))
                .containsExactly(weekly, monthly);
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().listByPost(PostId.random())))
                .isEmpty();
    }

    @Test
    void update_isVersioned() {
        RecurringSeries s = series(weekly(), List.of());
        tx(t -> t.recurrences().insert(s));

        Instant later = now.plusSeconds(60);
        RecurringSeries revised = storage.inTransaction((Transaction t) -> t.recurrences()
                .update(s.revised(
                        RecurrenceRule.daily(1, LocalDate.of(2026, 4, 1), LocalTime.of(8, 0), BERLIN),
                        List.of("a", "b"),
                        later)));

        assertThat(revised.version()).isEqualTo(1);
        assertThat(revised.revision()).isEqualTo(1);
        assertThat(revised.nextIndex()).isZero();
        assertThat(revised.variations()).containsExactly("a", "b");
        assertThat(revised.updatedAt()).isEqualTo(later);
        assertThat(revised.createdAt()).isEqualTo(now);
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(s.id())))
                .contains(revised);
        assertThatThrownBy(() -> tx(t -> t.recurrences().update(s.with(SeriesStatus.CANCELLED, 3, later))))
                .isInstanceOf(ConflictException.class);
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(s.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(SeriesStatus.ACTIVE);
    }

    @Test
    void occurrence_isUniquePerSeriesRevisionAndIndex() {
        RecurringSeries s = series(weekly(), List.of());
        tx(t -> t.recurrences().insert(s));
        Schedule first = schedule(now.plusSeconds(3600));
        Schedule second = schedule(now.plusSeconds(7200));
        Schedule third = schedule(now.plusSeconds(10800));
        var zero = new SeriesOccurrence(s.id(), 0, 0, first.runAt(), first.id(), now);
        tx(t -> t.recurrences().insertOccurrence(zero));

        assertThatThrownBy(() -> tx(t -> {
                    t.schedules().insert(Schedule.pending(variant, connection.id(), second.runAt(), BERLIN, now));
                    t.recurrences()
                            .insertOccurrence(new SeriesOccurrence(s.id(), 0, 0, second.runAt(), second.id(), now));
                }))
                .isInstanceOf(ConflictException.class);

        var otherRevision = new SeriesOccurrence(s.id(), 1, 0, second.runAt(), second.id(), now);
        var next = new SeriesOccurrence(s.id(), 0, 1, third.runAt(), third.id(), now);
        tx(t -> {
            t.recurrences().insertOccurrence(otherRevision);
            t.recurrences().insertOccurrence(next);
        });
        assertThat(storage.readOnly((Transaction t) -> t.recurrences().listOccurrences(s.id())))
                .containsExactly(zero, next, otherRevision);
        assertThat(storage.readOnly((Transaction t) -> t.schedules().listByPost(post.id())))
                .as("the rolled-back transaction left no schedule")
                .hasSize(3);
    }

    @Test
    void listActive_pagesThroughActiveSeriesById() {
        var active = new ArrayList<RecurringSeries>();
        for (int i = 0; i < 5; i++) {
            active.add(series(weekly(), List.of()));
        }
        RecurringSeries cancelled = series(weekly(), List.of()).with(SeriesStatus.CANCELLED, 0, now);
        RecurringSeries ended = series(weekly(), List.of()).with(SeriesStatus.ENDED, 12, now);
        tx(t -> {
            active.forEach(t.recurrences()::insert);
            t.recurrences().insert(cancelled);
            t.recurrences().insert(ended);
        });

        var seen = new ArrayList<RecurringSeries>();
        Optional<SeriesId> after = Optional.empty();
        while (true) {
            Optional<SeriesId> from = after;
            List<RecurringSeries> page =
                    storage.readOnly((Transaction t) -> t.recurrences().listActive(from, 2));
            assertThat(page.size()).isLessThanOrEqualTo(2);
            seen.addAll(page);
            if (page.size() < 2) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(active);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void theLargestSeries_fits() {
        var variations = new ArrayList<String>();
        for (int i = 0; i < RecurringSeries.MAX_VARIATIONS; i++) {
            variations.add("é\"ab\n"
                            .repeat(RecurringSeries.MAX_VARIATION_LENGTH / 5 + 1)
                            .substring(0, RecurringSeries.MAX_VARIATION_LENGTH - 1)
                    + i % 10);
        }
        RecurringSeries s = series(
                RecurrenceRule.daily(
                                RecurrenceRule.MAX_INTERVAL,
                                LocalDate.of(2026, 1, 1),
                                LocalTime.of(23, 59, 59, 999_999_999),
                                ZoneId.of("America/Argentina/ComodRivadavia"))
                        .endingAfter(RecurrenceRule.MAX_COUNT),
                variations);
        tx(t -> t.recurrences().insert(s));

        assertThat(storage.readOnly((Transaction t) -> t.recurrences().find(s.id())))
                .contains(s);
    }
}
