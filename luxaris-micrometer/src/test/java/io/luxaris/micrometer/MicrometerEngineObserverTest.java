package io.luxaris.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrometerEngineObserverTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final Principal alice = Principal.of("alice");
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final List<Observation> currentDuringCall = new CopyOnWriteArrayList<>();
    private Luxaris luxaris;

    private Luxaris luxaris() {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        luxaris = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .rules(SchedulingRules.builder().retryPolicy(RetryPolicy.none()).build())
                .engineObserver(MicrometerEngineObserver.builder(registry)
                        .observationRegistry(observations)
                        .build())
                .build();
        return luxaris;
    }

    @AfterEach
    void close() {
        if (luxaris != null) {
            luxaris.close();
        }
    }

    private ChannelConnection connect(String name) {
        return luxaris.channels().connect(alice, ConnectionRequest.of("fake", name, Credentials.bearer("t-" + name)));
    }

    private Schedule schedule(ChannelConnection account, String text, Instant at) {
        var variant = luxaris.posts()
                .create(alice, PostDraft.of(text).withVariant(VariantDraft.of("fake", text)))
                .firstVariant();
        return luxaris.schedules().schedule(alice, ScheduleRequest.at(variant.id(), account.id(), at));
    }

    @Test
    void attempts_areTimedByChannelAndOutcome_andLatenessIsStartMinusDue() {
        luxaris();
        fake.willNext(Behavior.succeed(), Behavior.fail(FailureKind.REJECTED, "duplicate"));
        Instant due = clock.instant().plusSeconds(60);
        schedule(connect("@a"), "first", due);
        schedule(connect("@b"), "second", due);

        clock.set(due.plusSeconds(90));
        luxaris.publishing().runDue();

        assertThat(registry.get("luxaris.publish.attempts")
                        .tags("channel", "fake", "outcome", "published")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("luxaris.publish.attempts")
                        .tags("channel", "fake", "outcome", "rejected")
                        .timer()
                        .count())
                .isEqualTo(1);
        Timer lateness =
                registry.get("luxaris.publish.lateness").tag("channel", "fake").timer();
        assertThat(lateness.count()).isEqualTo(2);
        assertThat(lateness.max(TimeUnit.SECONDS)).isEqualTo(90.0);
        assertThat(lateness.totalTime(TimeUnit.SECONDS)).isEqualTo(180.0);
        assertThat(lateness.takeSnapshot().histogramCounts()).isNotEmpty();
        assertThat(lateness.takeSnapshot().percentileValues()).hasSize(3);
    }

    @Test
    void claimsAndCompletions_areCounted() {
        luxaris();
        Instant due = clock.instant().plusSeconds(60);
        var account = connect("@a");
        schedule(account, "one", due);
        schedule(connect("@b"), "two", due);
        schedule(connect("@c"), "three", due);

        assertThat(registry.get("luxaris.engine.claims")
                        .tag("result", "empty")
                        .counter()
                        .count())
                .isZero();
        clock.set(due);
        luxaris.publishing().runDue();

        var claimSize = registry.get("luxaris.engine.claim.size").summary();
        assertThat(claimSize.count()).isPositive();
        assertThat(claimSize.totalAmount()).isEqualTo(3.0);
        assertThat(registry.get("luxaris.engine.completion.batch.size")
                        .summary()
                        .totalAmount())
                .isEqualTo(3.0);
        double claims = registry.find("luxaris.engine.claims").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(claims).isEqualTo(claimSize.count());
    }

    @Test
    void rateLimitedCalls_areCountedAsThrottledByChannel() {
        luxaris();
        Instant due = clock.instant().plusSeconds(60);
        fake.willNext(Behavior.rateLimited(due.plusSeconds(900)));
        schedule(connect("@a"), "limited", due);
        clock.set(due);

        luxaris.publishing().runDue();

        assertThat(registry.get("luxaris.publish.throttled")
                        .tag("channel", "fake")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("luxaris.publish.attempts")
                        .tags("channel", "fake", "outcome", "rate_limited")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void eachAttempt_isAnObservationOpenAroundTheChannelCall() {
        luxaris();
        fake.willAnswer(request -> {
            currentDuringCall.add(observations.getCurrentObservation());
            return Behavior.fail(FailureKind.RETRYABLE, "http_503");
        });
        Instant due = clock.instant().plusSeconds(60);
        Schedule s = schedule(connect("@a"), "traced", due);
        clock.set(due);

        luxaris.publishing().runDue();

        assertThat(stopped).singleElement().satisfies(context -> {
            assertThat(context.getName()).isEqualTo(MicrometerEngineObserver.OBSERVATION_NAME);
            assertThat(context.getContextualName()).isEqualTo("luxaris publish fake");
            assertThat(keyValues(context.getLowCardinalityKeyValues()))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("channel", "fake", "outcome", "retryable"));
            assertThat(keyValues(context.getHighCardinalityKeyValues()))
                    .containsEntry("luxaris.schedule.id", s.id().toString())
                    .containsEntry("luxaris.error.code", "http_503");
        });
        assertThat(currentDuringCall).singleElement().satisfies(current -> assertThat(current.getContext())
                .isSameAs(stopped.get(0)));
        assertThat(observations.getCurrentObservation()).isNull();
    }

    @Test
    void withoutAnObservationRegistry_metricsAreStillRecorded() {
        luxaris = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .engineObserver(MicrometerEngineObserver.create(registry))
                .build();
        Instant due = clock.instant().plusSeconds(60);
        schedule(connect("@a"), "plain", due);
        clock.set(due.plusSeconds(5));

        luxaris.publishing().runDue();

        assertThat(registry.get("luxaris.publish.attempts")
                        .tag("outcome", "published")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(stopped).isEmpty();
    }

    @Test
    void expiredLeasesAndAbandonedCalls_areCountedByActionAndChannel() {
        luxaris();
        var observer = MicrometerEngineObserver.create(registry);
        var job = publishJob();

        observer.reaped(2, 1);
        observer.reaped(1, 0);
        observer.abandoned(job);

        assertThat(registry.get("luxaris.engine.leases.expired")
                        .tag("action", "requeued")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get("luxaris.engine.leases.expired")
                        .tag("action", "unconfirmed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("luxaris.publish.abandoned")
                        .tag("channel", "fake")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    /** A job as the engine hands it to observers, taken from a real claim. */
    private io.luxaris.spi.engine.PublishJob publishJob() {
        var captured = new CopyOnWriteArrayList<io.luxaris.spi.engine.PublishJob>();
        var capturing = Luxaris.builder()
                .channel(ScriptedChannel.create("fake"))
                .clock(clock)
                .engineObserver(new io.luxaris.spi.engine.EngineObserver() {
                    @Override
                    public PublishScope publishing(io.luxaris.spi.engine.PublishJob job) {
                        captured.add(job);
                        return PublishScope.NONE;
                    }
                })
                .build();
        try (capturing) {
            var account =
                    capturing.channels().connect(alice, ConnectionRequest.of("fake", "@j", Credentials.bearer("t")));
            var variant = capturing
                    .posts()
                    .create(alice, PostDraft.of("j").withVariant(VariantDraft.of("fake", "j")))
                    .firstVariant();
            Instant due = clock.instant().plusSeconds(60);
            capturing.schedules().schedule(alice, ScheduleRequest.at(variant.id(), account.id(), due));
            clock.set(due);
            capturing.publishing().runDue();
        }
        return captured.get(0);
    }

    private static Map<String, String> keyValues(io.micrometer.common.KeyValues values) {
        var map = new java.util.LinkedHashMap<String, String>();
        values.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
        return map;
    }
}
