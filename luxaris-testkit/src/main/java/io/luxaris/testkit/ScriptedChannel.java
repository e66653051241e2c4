package io.luxaris.testkit;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.TextMeasure;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake channel for tests: it answers each publish with a scripted {@link Behavior} (succeed, fail with any kind,
 * rate-limit, dry run, post and then lose the answer, hang, throw), records every call, keeps the posts that "exist" on the
 * fake platform, and can look posts up and refresh tokens when asked to.
 *
 * <pre>{@code
 * ScriptedChannel fake = ScriptedChannel.create("fake");
 * fake.willNext(Behavior.fail(FailureKind.RETRYABLE, "http_503"), Behavior.succeed());
 * Luxaris luxaris = Luxaris.builder().channel(fake).clock(clock).build();
 * ...
 * assertThat(fake.postsFor(schedule.id())).isEqualTo(1);
 * }</pre>
 */
public final class ScriptedChannel implements ChannelProvider {
    private final String key;
    private final String name;
    private final ChannelLimits limits;
    private final TextMeasure measure;
    private final boolean lookup;
    private final boolean lookupEveryRequest;
    private final boolean refreshable;
    private final io.luxaris.domain.FollowUpKind[] followUps;
    private final List<PublishRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private final ConcurrentLinkedQueue<Behavior> next = new ConcurrentLinkedQueue<>();
    private volatile Function<PublishRequest, Behavior> always = r -> Behavior.succeed();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<ScheduleId, List<Post>> posted = new ConcurrentHashMap<>();
    private final AtomicInteger postCounter = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final Map<ConnectionId, AtomicInteger> concurrentByConnection = new ConcurrentHashMap<>();
    private final AtomicInteger maxConcurrentPerConnection = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Clock clock = Clock.systemUTC();

    private ScriptedChannel(Builder b) {
        this.key = b.key;
        this.name = b.name;
        this.limits = b.limits;
        this.measure = b.measure;
        this.lookup = b.lookup;
        this.lookupEveryRequest = b.lookupEveryRequest;
        this.refreshable = b.refreshable;
        this.followUps = b.followUps;
    }

    /** A fake channel with 500 characters, 4 images, GIF, video, links and threads of up to 10 parts. */
    public static ScriptedChannel create(String key) {
        return builder(key).build();
    }

    public static Builder builder(String key) {
        return new Builder(key);
    }

    // ---------------------------------------------------------------- scripting

    /** Every call without a queued behaviour does this (default: succeed). */
    public ScriptedChannel willAlways(Behavior behavior) {
        Objects.requireNonNull(behavior, "behavior");
        this.always = r -> behavior;
        return this;
    }

    /** Decides per request (by schedule, attempt, content...) when nothing is queued. */
    public ScriptedChannel willAnswer(Function<PublishRequest, Behavior> script) {
        this.always = Objects.requireNonNull(script, "script");
        return this;
    }

    /** The next calls do these, in order, then the {@link #willAlways} behaviour again. */
    public ScriptedChannel willNext(Behavior... behaviors) {
        next.addAll(List.of(behaviors));
        return this;
    }

    /** Lets every hanging call ({@link Behavior#hangForever()}) return (as unknown, like a cut connection). */
    public void releaseHangs() {
        release.countDown();
    }

    // ---------------------------------------------------------------- observing

    /** Every publish call, in the order they started. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * Every publish request received, in order (with its follow-up target, if any).
     *
     * @return the requests
     */
    public List<PublishRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * {@return how many publish calls were made}
     */
    public int callCount() {
        return calls.size();
    }

    public int callsFor(ScheduleId schedule) {
        synchronized (calls) {
            return (int)
                    calls.stream().filter(c -> c.schedule().equals(schedule)).count();
        }
    }

    /** Posts that exist on the fake platform for a schedule (more than one would be a duplicate post). */
    public int postsFor(ScheduleId schedule) {
        return posted.getOrDefault(schedule, List.of()).size();
    }

    /** Every post on the fake platform. */
    public List<Post> posts() {
        var all = new ArrayList<Post>();
        posted.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparingInt(Post::sequence));
        return all;
    }

    /** The most calls seen running at the same time. */
    public int maxConcurrentCalls() {
        return maxConcurrent.get();
    }

    /** The most calls seen running at the same time for one connection. */
    public int maxConcurrentCallsPerConnection() {
        return maxConcurrentPerConnection.get();
    }

    public int refreshCount() {
        return refreshes.get();
    }

    // ---------------------------------------------------------------- the provider

    @Override
    public String key() {
        return key;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return ChannelDescriptor.of(name, limits).withFollowUps(followUps);
    }

    @Override
    public TextMeasure textMeasure() {
        return measure;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        this.clock = environment.clock();
        return new Publisher();
    }

    /** One recorded publish call. */
    public record Call(ScheduleId schedule, int attempt, ConnectionId connection, String content, Instant at) {}

    /** One post on the fake platform. */
    public record Post(
            int sequence, String id, ScheduleId schedule, ConnectionId connection, String content, Instant at) {
        public String url() {
            return "https://fake.example/posts/" + id;
        }
    }

    private final class Publisher implements ChannelPublisher {
        @Override
        public PublishOutcome publish(PublishRequest request, PublishContext context) {
            requests.add(request);
            calls.add(new Call(
                    request.scheduleId(),
                    request.attempt(),
                    request.connection().id(),
                    request.variant().content(),
                    clock.instant()));
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            AtomicInteger perConnection =
                    concurrentByConnection.computeIfAbsent(request.connection().id(), k -> new AtomicInteger());
            maxConcurrentPerConnection.accumulateAndGet(perConnection.incrementAndGet(), Math::max);
            try {
                Behavior behavior = Optional.ofNullable(next.poll()).orElseGet(() -> always.apply(request));
                return behave(behavior, request, context);
            } finally {
                perConnection.decrementAndGet();
                concurrent.decrementAndGet();
            }
        }

        private PublishOutcome behave(Behavior behavior, PublishRequest request, PublishContext context) {
            if (behavior instanceof Behavior.Succeed) {
                Post post = post(request);
                return new PublishOutcome.Published(
                        post.id(), Optional.of(post.url()), Optional.of("{\"id\":\"" + post.id() + "\"}"), Map.of());
            }
            if (behavior instanceof Behavior.Fail f) {
                return new PublishOutcome.Failed(
                        f.kind(),
                        f.code(),
                        f.message(),
                        f.retryAt(),
                        Optional.of("{\"error\":\"" + f.code() + "\"}"),
                        Map.of());
            }
            if (behavior instanceof Behavior.DryRun) {
                // like a channel in dry-run mode: the request is built, nothing reaches the fake platform
                return PublishOutcome.dryRun(
                        "POST https://fake.example/posts " + request.variant().content());
            }
            if (behavior instanceof Behavior.PostedButUnknown) {
                post(request);
                return PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer after the request was sent");
            }
            if (behavior instanceof Behavior.Delay d) {
                sleep(d.duration());
                return behave(d.then(), request, context);
            }
            if (behavior instanceof Behavior.PostedThenHang) {
                post(request);
                return behave(Behavior.hangForever(), request, context);
            }
            if (behavior instanceof Behavior.HangForever) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return PublishOutcome.failed(FailureKind.UNKNOWN, "connection_reset", "the connection was cut");
            }
            if (behavior instanceof Behavior.Throw t) {
                throw t.exception();
            }
            if (behavior instanceof Behavior.RequireToken r) {
                String token = context.credentials().accessToken().orElse("");
                if (!token.equals(r.accessToken())) {
                    return PublishOutcome.failed(FailureKind.AUTH_EXPIRED, "token_expired", "the access token expired");
                }
                return behave(Behavior.succeed(), request, context);
            }
            throw new IllegalStateException("unknown behaviour " + behavior);
        }

        private Post post(PublishRequest request) {
            int n = postCounter.incrementAndGet();
            var post = new Post(
                    n,
                    "fake-" + n,
                    request.scheduleId(),
                    request.connection().id(),
                    request.variant().content(),
                    clock.instant());
            posted.computeIfAbsent(request.scheduleId(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(post);
            return post;
        }

        @Override
        public boolean supportsLookup() {
            return lookup;
        }

        @Override
        public boolean supportsLookupForEveryRequest() {
            return lookupEveryRequest;
        }

        @Override
        public LookupResult lookup(PublishRequest request, PublishContext context) {
            List<Post> found = posted.getOrDefault(request.scheduleId(), List.of());
            if (found.isEmpty()) {
                return new LookupResult.Absent();
            }
            Post post = found.get(found.size() - 1);
            return new LookupResult.Found(post.id(), Optional.of(post.url()));
        }

        @Override
        public RefreshResult refresh(PublishContext context) {
            if (!refreshable) {
                return new RefreshResult.Unsupported();
            }
            int n = refreshes.incrementAndGet();
            context.saveCredentials(Credentials.oauth2(
                    "refreshed-access-" + n,
                    "refreshed-refresh-" + n,
                    clock.instant().plus(Duration.ofHours(2))));
            return new RefreshResult.Refreshed();
        }
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the fake platform does with one call. */
    public sealed interface Behavior {
        static Behavior succeed() {
            return new Succeed();
        }

        static Behavior fail(FailureKind kind, String code) {
            return new Fail(kind, code, "scripted " + kind.wireName() + " failure", Optional.empty());
        }

        static Behavior rateLimited(Instant retryAt) {
            return new Fail(FailureKind.RATE_LIMITED, "rate_limited", "too many requests", Optional.of(retryAt));
        }

        /**
         * Answers like a channel in dry-run mode: a {@link PublishOutcome.DryRun} previewing the request; nothing is
         * posted.
         */
        static Behavior dryRun() {
            return new DryRun();
        }

        /** Creates the post, then reports an unknown outcome (the answer was lost). */
        static Behavior postedButUnknown() {
            return new PostedButUnknown();
        }

        static Behavior delay(Duration duration, Behavior then) {
            return new Delay(duration, then);
        }

        /** Blocks until {@link ScriptedChannel#releaseHangs()} or interruption, then reports unknown. */
        static Behavior hangForever() {
            return new HangForever();
        }

        /** Creates the post, then blocks like {@link #hangForever()} (the answer never comes). */
        static Behavior postedThenHang() {
            return new PostedThenHang();
        }

        static Behavior throwing(RuntimeException exception) {
            return new Throw(exception);
        }

        /** Succeeds only with this access token; otherwise reports the token expired. */
        static Behavior requireToken(String accessToken) {
            return new RequireToken(accessToken);
        }

        record Succeed() implements Behavior {}

        record Fail(FailureKind kind, String code, String message, Optional<Instant> retryAt) implements Behavior {}

        record DryRun() implements Behavior {}

        record PostedButUnknown() implements Behavior {}

        record Delay(Duration duration, Behavior then) implements Behavior {}

        record HangForever() implements Behavior {}

        record PostedThenHang() implements Behavior {}

        record Throw(RuntimeException exception) implements Behavior {}

        record RequireToken(String accessToken) implements Behavior {}
    }

    /** Builder of a scripted channel. */
    public static final class Builder {
        private final String key;
        private String name;
        private ChannelLimits limits =
                ChannelLimits.builder(500).images(4).gif().video().threads(10).build();
        private TextMeasure measure = TextMeasure.codePoints();
        private boolean lookup;
        private boolean lookupEveryRequest;
        private boolean refreshable;
        private io.luxaris.domain.FollowUpKind[] followUps = new io.luxaris.domain.FollowUpKind[0];

        private Builder(String key) {
            this.key = Objects.requireNonNull(key, "key");
            this.name = "Fake " + key;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder limits(ChannelLimits value) {
            this.limits = value;
            return this;
        }

        public Builder maxTextLength(int value) {
            this.limits = limits.withMaxTextLength(value);
            return this;
        }

        public Builder measure(TextMeasure value) {
            this.measure = value;
            return this;
        }

        /** Lets the engine reconcile unknown outcomes by looking posts up. */
        public Builder withLookup() {
            this.lookup = true;
            return this;
        }

        /**
         * Looks every post up, as X, Bluesky and Threads can: the engine claims this channel's schedules straight to
         * processing (an instance that dies before the call leaves them to the reaper's lookup).
         */
        public Builder withLookupForEveryRequest() {
            this.lookup = true;
            this.lookupEveryRequest = true;
            return this;
        }

        /** Refreshes expired tokens (saving {@code refreshed-access-N}). */
        public Builder refreshable() {
            this.refreshable = true;
            return this;
        }

        /**
         * Declares the kinds of follow-up parts the channel posts (none by default).
         *
         * @param kinds the kinds
         * @return this builder
         */
        public Builder followUps(io.luxaris.domain.FollowUpKind... kinds) {
            this.followUps = kinds.clone();
            return this;
        }

        /**
         * {@return the channel}
         */
        public ScriptedChannel build() {
            return new ScriptedChannel(this);
        }
    }
}
