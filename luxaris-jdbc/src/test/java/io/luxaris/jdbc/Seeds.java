package io.luxaris.jdbc;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.storage.Storage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test data written through the storage SPI: posts with one ready variant and one schedule each. */
final class Seeds {
    private Seeds() {}

    /**
     * {@code n} schedules due at {@code runAt}, spread round-robin over {@code connections}, one post and variant
     * each, written by four threads in transactions of 500 schedules.
     */
    static List<ScheduleId> dueSchedules(Storage storage, List<ChannelConnection> connections, int n, Instant runAt)
            throws Exception {
        int chunk = 500;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<List<ScheduleId>>>();
            for (int start = 0; start < n; start += chunk) {
                int from = start;
                int to = Math.min(n, start + chunk);
                futures.add(pool.submit(() -> storage.inTransaction(tx -> {
                    var ids = new ArrayList<ScheduleId>(to - from);
                    for (int i = from; i < to; i++) {
                        ChannelConnection c = connections.get(i % connections.size());
                        Instant now = runAt;
                        Post post = new Post(
                                io.luxaris.domain.PostId.random(),
                                c.ownerPrincipalId(),
                                Optional.empty(),
                                "post " + i,
                                List.of(),
                                PostStatus.SCHEDULED,
                                Map.of(),
                                now,
                                now,
                                Optional.empty(),
                                0);
                        PostVariant variant = new PostVariant(
                                VariantId.random(),
                                post.id(),
                                c.channelId(),
                                Optional.of(c.id()),
                                "hello " + i,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                VariantSource.MANUAL,
                                VariantStatus.READY,
                                Map.of(),
                                now,
                                now,
                                Optional.empty(),
                                0);
                        Schedule s = Schedule.pending(variant, c.id(), runAt, ZoneOffset.UTC, now);
                        tx.posts().insert(post);
                        tx.variants().insert(variant);
                        tx.schedules().insert(s);
                        ids.add(s.id());
                    }
                    return ids;
                })));
            }
            var all = new ArrayList<ScheduleId>(n);
            for (Future<List<ScheduleId>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
