package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.LookupResult;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookupsTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void whatTheWorkFound_isTheResult() {
        var found = new LookupResult.Found("id-1", Optional.empty());

        assertThat(Lookups.guarded(() -> found)).isSameAs(found);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aRefusal_leavesThePostUnknown_sayingWhy() {
        LookupResult result = Lookups.guarded(() -> {
            throw Fail.of(FailureKind.REJECTED, "forbidden", "the platform refused to list the posts");
        });

        assertThat(result).isEqualTo(new LookupResult.Unknown("lookup failed: the platform refused to list the posts"));
    }

    @Test
    void aFailedCall_leavesThePostUnknown_sayingWhy() {
        LookupResult result = Lookups.guarded(() -> {
            throw new TransportFailure(TransportFailure.TIMEOUT, 0, "no answer within 5 s");
        });

        assertThat(result).isEqualTo(new LookupResult.Unknown("lookup failed: no answer within 5 s"));
    }

    @Test
    void anInterrupt_leavesThePostUnknown_andKeepsTheThreadsInterruptFlag() {
        LookupResult result = Lookups.guarded(() -> {
            throw new InterruptedException("stop");
        });

        assertThat(result).isEqualTo(new LookupResult.Unknown("lookup interrupted"));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
