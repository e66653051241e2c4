package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Page;
import io.luxaris.domain.PageRequest;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.CalendarFilter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calendar on the in-memory store: {@value #SCHEDULES} schedules, one a minute for about ten weeks, on
 * {@value #CONNECTIONS} connections; queries of one week in the middle (about 10,080 schedules in it) through the
 * facade's {@code calendar().week(...)}: the first page of 50 (the default) and of 500 (the maximum), one
 * connection's week (about 100 entries found by scanning the week), and every page of the week.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CalendarQueryBenchmark {
    static final int SCHEDULES = 100_000;
    static final int CONNECTIONS = 100;
    /** A Tuesday four weeks after {@link Fixture#START}. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 22);

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    int schedules = SCHEDULES;
    private Fixture fixture;
    private CalendarFilter oneConnection;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture().connect(CONNECTIONS);
        fixture.scheduleMany(schedules, Fixture.START.plusSeconds(60), Duration.ofMinutes(1));
        ConnectionId connection = fixture.connections.get(7).id();
        oneConnection = CalendarFilter.none().connection(connection);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Page<CalendarEntry> weekFirstPageOf50() {
        return fixture.luxaris.calendar().week(fixture.owner, DAY, ZONE, CalendarFilter.none());
    }

    @Benchmark
    public Page<CalendarEntry> weekFirstPageOf500() {
        return fixture.luxaris
                .calendar()
                .week(fixture.owner, DAY, ZONE, CalendarFilter.none().page(PageRequest.first(PageRequest.MAX_LIMIT)));
    }

    @Benchmark
    public Page<CalendarEntry> weekOfOneConnection() {
        return fixture.luxaris.calendar().week(fixture.owner, DAY, ZONE, oneConnection.page(PageRequest.first(500)));
    }

    /** Every entry of the week, 500 a page; returns how many. */
    @Benchmark
    public int wholeWeekPaged() {
        return wholeWeek();
    }

    int wholeWeek() {
        int count = 0;
        Optional<String> cursor = Optional.empty();
        do {
            PageRequest page = new PageRequest(cursor, PageRequest.MAX_LIMIT);
            Page<CalendarEntry> result = fixture.luxaris
                    .calendar()
                    .week(fixture.owner, DAY, ZONE, CalendarFilter.none().page(page));
            count += result.items().size();
            cursor = result.nextCursor();
        } while (cursor.isPresent());
        return count;
    }
}
