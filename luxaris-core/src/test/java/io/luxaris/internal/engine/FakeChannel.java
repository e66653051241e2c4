package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A channel for core's tests (the testkit's scripted channel depends on core): key {@code fake}, publishing answers
 * the test scripts (the next scripted answer, else a post), optional lookup, refresh by a scripted function; every
 * request and the credentials it was made with are recorded.
 */
final class FakeChannel implements ChannelProvider {
    static final String KEY = "fake";

    /** One call of publish: the request and the access token it came with. */
    record Call(PublishRequest request, String accessToken) {}

    private final ArrayDeque<Function<PublishRequest, PublishOutcome>> answers = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean lookup;
    private Function<PublishRequest, LookupResult> lookupAnswer = r -> new LookupResult.Unknown("not scripted");
    private Predicate<PublishRequest> lookupFor = r -> true;
    private boolean lookupEveryRequest;
    private int lookups;
    private Function<PublishContext, RefreshResult> refresh = c -> new RefreshResult.Unsupported();
    private int refreshes;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return ChannelDescriptor.of("Fake", ChannelLimits.builder(280).build());
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        return new ChannelPublisher() {
            @Override
            public PublishOutcome publish(PublishRequest request, PublishContext context) {
                Function<PublishRequest, PublishOutcome> answer;
                synchronized (FakeChannel.this) {
                    calls.add(new Call(
                            request, context.credentials().accessToken().orElse("")));
                    answer = answers.poll();
                }
                return answer != null
                        ? answer.apply(request)
                        : PublishOutcome.published("post-" + request.idempotencyKey(), "https://fake.example/p");
            }

            @Override
            public boolean supportsLookup() {
                return lookup;
            }

            @Override
            public boolean supportsLookup(PublishRequest request) {
                synchronized (FakeChannel.this) {
                    return lookup && lookupFor.test(request);
                }
            }

            @Override
            public boolean supportsLookupForEveryRequest() {
                synchronized (FakeChannel.this) {
                    return lookupEveryRequest;
                }
            }

            @Override
            public LookupResult lookup(PublishRequest request, PublishContext context) {
                synchronized (FakeChannel.this) {
                    lookups++;
                }
                return lookupAnswer.apply(request);
            }

            @Override
            public RefreshResult refresh(PublishContext context) {
                synchronized (FakeChannel.this) {
                    refreshes++;
                }
                return refresh.apply(context);
            }
        };
    }

    /** The next publish answers this (in the order scripted). */
    synchronized FakeChannel then(Function<PublishRequest, PublishOutcome> answer) {
        answers.add(answer);
        return this;
    }

    synchronized FakeChannel then(PublishOutcome outcome) {
        return then(r -> outcome);
    }

    /** The channel can look posts up, and finds this. */
    synchronized FakeChannel lookup(Function<PublishRequest, LookupResult> answer) {
        lookup = true;
        lookupAnswer = answer;
        return this;
    }

    /**
     * The channel can look every post up and finds this: the engine claims its schedules straight to processing
     * (the publishers made after this call say so).
     */
    synchronized FakeChannel lookupEveryRequest(Function<PublishRequest, LookupResult> answer) {
        lookupEveryRequest = true;
        return lookup(answer);
    }

    /** The lookup offered for the requests that pass this test only (as LinkedIn: comments, not posts). */
    synchronized FakeChannel lookupOnlyFor(Predicate<PublishRequest> test) {
        lookupFor = test;
        return this;
    }

    /** How many times lookup was called. */
    synchronized int lookups() {
        return lookups;
    }

    synchronized FakeChannel refresh(Function<PublishContext, RefreshResult> answer) {
        refresh = answer;
        return this;
    }

    /** Refreshing saves these credentials and succeeds. */
    FakeChannel refreshesTo(Credentials rotated) {
        return refresh(c -> {
            c.saveCredentials(rotated);
            return new RefreshResult.Refreshed();
        });
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized int refreshes() {
        return refreshes;
    }
}
