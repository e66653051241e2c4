package io.luxaris.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.spi.engine.EngineObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CompositeEngineObserverTest {
    @Test
    void oneObserverThatThrows_doesNotKeepTheOthersFromHearing() {
        var heard = new CopyOnWriteArrayList<String>();
        EngineObserver throwing = new EngineObserver() {
            @Override
            public void claimed(int asked, int claimed, int skipped) {
                throw new IllegalStateException("broken observer");
            }

            @Override
            public void reaped(int requeued, int unconfirmed) {
                throw new IllegalStateException("broken observer");
            }
        };
        EngineObserver listening = new EngineObserver() {
            @Override
            public void claimed(int asked, int claimed, int skipped) {
                heard.add("claimed " + claimed);
            }

            @Override
            public void reaped(int requeued, int unconfirmed) {
                heard.add("reaped " + requeued);
            }
        };
        EngineObserver both = CompositeEngineObserver.of(List.of(throwing, listening));

        both.claimed(5, 3, 0);
        both.reaped(2, 0);

        assertThat(heard).containsExactly("claimed 3", "reaped 2");
    }

    @Test
    void noneOrOneObserver_isUsedAsIs() {
        EngineObserver one = new EngineObserver() {};
        assertThat(CompositeEngineObserver.of(List.of())).isSameAs(EngineObserver.NONE);
        assertThat(CompositeEngineObserver.of(List.of(one))).isSameAs(one);
    }
}
