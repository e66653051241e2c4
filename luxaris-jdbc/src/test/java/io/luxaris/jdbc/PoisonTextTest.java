package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: text from outside is sanitised before it is stored. PostgreSQL refuses U+0000 in text, and an unpaired
 * surrogate is not a character at all; a platform's error message or raw response holding them must still be
 * recorded (cleaned), and an outcome that cannot be written must not hold up the other due posts.
 */
class PoisonTextTest {
    /** The readable part survives; the NUL characters and the lone surrogate must not reach the database. */
    static final String MESSAGE = "the platform said: \u0000bad byte\u0000 and a lone \uD800 surrogate";

    static final String RAW = "{\"detail\":\"nul \u0000 here, lone \uDC00 there\"}";

    @Test
    void aFailureWithNulAndALoneSurrogate_isStoredSanitised_andTheOtherDuePostsGoOut() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            var channel = new RefusingChannel();
            try (Instance node = Instance.on(db, "node-1")
                    .channel(channel)
                    .engine(Instance.shortLease(Duration.ofSeconds(2)).build())
                    .build()) {
                ChannelConnection account = node.connect("alice", RefusingChannel.KEY, "token-a");
                List<ScheduleId> ids = node.due(List.of(account), 6);
                ScheduleId poisoned = ids.get(0);
                channel.refused.add(poisoned);

                node.luxaris.publishing().start();
                boolean settled = Counts.await(Duration.ofSeconds(20), () -> Counts.active(db) == 0);

                var rows = StoredSchedules.read(db);
                System.out.printf(
                        "poisoned outcome: %s; statuses %s; posts %s%n",
                        rows.get(poisoned), Counts.byStatus(db), channel.posts);
                for (ScheduleId id : ids.subList(1, ids.size())) {
                    assertThat(rows.get(id).status())
                            .as("status of healthy %s (%s)", id, StoredSchedules.activeSummary(db))
                            .isEqualTo("success");
                    assertThat(channel.posts.get(id)).as("posts of %s", id).isEqualTo(1);
                }
                assertThat(settled)
                        .as("nothing stays processing: %s", StoredSchedules.activeSummary(db))
                        .isTrue();

                StoredSchedules.Row row = rows.get(poisoned);
                assertThat(row.status()).isEqualTo("failed");
                assertThat(row.errorCode()).contains("invalid_request");
                assertThat(row.errorMessage()).hasValueSatisfying(m -> assertThat(m)
                        .satisfies(PoisonTextTest::isStorableText)
                        .contains("the platform said:", "bad byte", "surrogate"));

                List<PublishEvent> attempts = node.luxaris.schedules().events(Principal.of("alice"), poisoned);
                assertThat(attempts).singleElement().satisfies(e -> {
                    assertThat(e.errorMessage()).hasValueSatisfying(PoisonTextTest::isStorableText);
                    assertThat(e.rawResponse()).hasValueSatisfying(r -> assertThat(r)
                            .satisfies(PoisonTextTest::isStorableText)
                            .contains("here", "there"));
                });
                assertThat(node.events(LuxarisEvent.PublishFailed.class))
                        .singleElement()
                        .satisfies(f -> assertThat(f.event().errorMessage())
                                .hasValueSatisfying(PoisonTextTest::isStorableText));
                assertThat(node.events(LuxarisEvent.Published.class)).hasSize(ids.size() - 1);
            }
        }
    }

    /** No U+0000 and no unpaired surrogate: text PostgreSQL stores as it is. */
    static void isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertThat(c)
                    .as("character %d of %s", i, text.replace("\u0000", "\\u0000"))
                    .isNotEqualTo('\u0000');
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            assertThat(Character.isSurrogate(c))
                    .as("unpaired surrogate at %d of %s", i, text)
                    .isFalse();
        }
    }

    /**
     * Refuses the schedules in {@link #refused} at once, with {@link #MESSAGE} and {@link #RAW}; posts the others
     * after 300 ms (so that the refusal's outcome is the first, alone, to be written).
     */
    static final class RefusingChannel implements ChannelProvider {
        static final String KEY = "strict";

        final Set<ScheduleId> refused = ConcurrentHashMap.newKeySet();
        final Map<ScheduleId, Integer> posts = new ConcurrentHashMap<>();

        @Override
        public String key() {
            return KEY;
        }

        @Override
        public ChannelDescriptor descriptor() {
            return ChannelDescriptor.of("Strict", ChannelLimits.builder(1_000).build());
        }

        @Override
        public ChannelPublisher createPublisher(ChannelEnvironment environment) {
            return (request, context) -> {
                if (refused.contains(request.scheduleId())) {
                    return new PublishOutcome.Failed(
                            FailureKind.REJECTED,
                            "invalid_request",
                            MESSAGE,
                            Optional.empty(),
                            Optional.of(RAW),
                            Map.of());
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                posts.merge(request.scheduleId(), 1, Integer::sum);
                return PublishOutcome.published(
                        "post-" + request.scheduleId(), "https://strict.example/" + request.scheduleId());
            };
        }
    }
}
