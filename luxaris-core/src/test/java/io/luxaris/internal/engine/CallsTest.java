package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.spi.engine.PublishJob;
import org.junit.jupiter.api.Test;

class CallsTest {
    private static final long TIMEOUT = 1_000;
    private final Jobs jobs = new Jobs();
    private final Calls calls = new Calls(TIMEOUT);

    @Test
    void aFinishedCallIsForgotten_andAnUnknownOneIsNull() {
        PublishJob job = jobs.job("x", "a");
        calls.started(job, 0);
        assertThat(calls.live()).isEqualTo(1);

        Calls.Call call = calls.finished(job.fence());

        assertThat(call.job).isEqualTo(job);
        assertThat(call.abandoned).isFalse();
        assertThat(calls.live()).isZero();
        assertThat(calls.finished(job.fence())).isNull();
    }

    @Test
    void onlyCallsRunningLongerThanTheTimeoutAreAbandoned_once() {
        PublishJob old = jobs.job("x", "a");
        PublishJob young = jobs.job("x", "b");
        calls.started(old, 0);
        calls.started(young, 500);

        assertThat(calls.abandonOverdue(TIMEOUT))
                .as("exactly at the timeout: still waited for")
                .isEmpty();
        assertThat(calls.abandonOverdue(TIMEOUT + 1)).containsExactly(old);
        assertThat(calls.abandonOverdue(TIMEOUT + 2)).as("given up once").isEmpty();

        assertThat(calls.live()).isEqualTo(1);
        assertThat(calls.liveFences()).containsExactly(young.fence());
        assertThat(calls.nextTimeout()).isEqualTo(500 + TIMEOUT);
        Calls.Call late = calls.finished(old.fence());
        assertThat(late.abandoned).as("a late answer is recognised as given up").isTrue();
    }

    @Test
    void nextTimeout_isTheEarliestLiveCallsDeadline_orNoneWithoutLiveCalls() {
        assertThat(calls.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        PublishJob a = jobs.job("x", "a");
        PublishJob b = jobs.job("x", "b");
        calls.started(a, 300);
        calls.started(b, 100);
        assertThat(calls.nextTimeout()).isEqualTo(100 + TIMEOUT);
        calls.abandonOverdue(100 + TIMEOUT + 1);
        assertThat(calls.nextTimeout()).isEqualTo(300 + TIMEOUT);
        calls.abandonOverdue(300 + TIMEOUT + 1);
        assertThat(calls.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(calls.liveFences()).isEmpty();
    }
}
