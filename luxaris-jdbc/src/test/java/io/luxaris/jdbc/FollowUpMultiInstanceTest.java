package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application instances, each with its own pool and engine, publish variants with three follow-up parts each on
 * one PostgreSQL database: every part is posted exactly once, after the part it hangs on, as a reply to (or comment on)
 * the right post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpMultiInstanceTest {
    private static final int VARIANTS = 40;
    private static final int PARTS = 4; // the post and three follow-ups

    private TestDatabase db;
    private final SecretCipher cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoEngines_postEveryPartOnce_inOrder_hangingOnThePartBefore() throws Exception {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        var channel = ScriptedChannel.builder("fake")
                .followUps(FollowUpKind.REPLY, FollowUpKind.COMMENT)
                .build();
        var alice = Principal.of("alice");
        var roots = new ArrayList<ScheduleId>();
        try (JdbcStorage jdbc = db.storage().build();
                Luxaris admin = Luxaris.builder()
                        .storage(jdbc)
                        .secretCipher(cipher)
                        .channel(channel)
                        .build()) {
            ChannelConnection account =
                    admin.channels().connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok")));
            var variants = new ArrayList<io.luxaris.domain.VariantId>();
            for (int i = 0; i < VARIANTS; i++) {
                var variant = admin.posts()
                        .create(
                                alice,
                                PostDraft.of("p" + i)
                                        .withVariant(VariantDraft.of("fake", "p" + i + " post")
                                                .withFollowUps(List.of(
                                                        FollowUp.reply("p" + i + " reply 1"),
                                                        FollowUp.reply("p" + i + " reply 2"),
                                                        FollowUp.comment("p" + i + " comment")))))
                        .firstVariant();
                variants.add(variant.id());
            }
            Instant at = Instant.now().plusSeconds(3);
            admin.schedules()
                    .scheduleAll(
                            alice,
                            variants.stream()
                                    .map(v -> ScheduleRequest.at(v, account.id(), at))
                                    .toList())
                    .created()
                    .forEach(s -> roots.add(s.id()));
            assertThat(roots).hasSize(VARIANTS);
        }
        EngineSettings engine = Node.busyEngine().build();
        var nodes =
                List.of(new Node(db, "fu-1", cipher, channel, engine), new Node(db, "fu-2", cipher, channel, engine));
        try {
            nodes.forEach(n -> n.luxaris.publishing().start());
            String done = "SELECT count(*) FROM " + db.qualified("schedule") + " WHERE status = 'success'";
            assertThat(Counts.await(Duration.ofSeconds(120), () -> Counts.number(db, done) == VARIANTS * PARTS))
                    .as("every part is published")
                    .isTrue();
            nodes.forEach(n -> n.stop(Duration.ofSeconds(5)));
            System.out.printf(
                    "2 instances published %d parts; per instance %s%n",
                    VARIANTS * PARTS,
                    nodes.stream().map(n -> n.id + "=" + n.published.get()).collect(Collectors.joining(", ")));

            assertThat(Counts.byStatus(db)).containsExactly(Map.entry("success", VARIANTS * PARTS));
            List<ScriptedChannel.Post> posts = channel.posts();
            assertThat(posts).hasSize(VARIANTS * PARTS);
            assertThat(posts.stream()
                            .collect(Collectors.groupingBy(ScriptedChannel.Post::schedule, Collectors.counting())))
                    .as("one post per schedule")
                    .hasSize(VARIANTS * PARTS)
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            var idByContent = new HashMap<String, String>();
            posts.forEach(p -> idByContent.put(p.content(), p.id()));
            for (int i = 0; i < VARIANTS; i++) {
                String prefix = "p" + i + " ";
                assertThat(posts.stream().map(ScriptedChannel.Post::content).filter(c -> c.startsWith(prefix)))
                        .as("posted in order")
                        .containsExactly(prefix + "post", prefix + "reply 1", prefix + "reply 2", prefix + "comment");
            }
            List<PublishRequest> followUps = channel.requests().stream()
                    .filter(r -> r.followUp().isPresent())
                    .toList();
            assertThat(followUps).hasSize(VARIANTS * (PARTS - 1));
            for (PublishRequest r : followUps) {
                String content = r.variant().content();
                String prefix = content.substring(0, content.indexOf(' ') + 1);
                var target = r.followUp().get();
                assertThat(target.root().externalId()).isEqualTo(idByContent.get(prefix + "post"));
                String parent =
                        switch (target.index()) {
                            case 0 -> prefix + "post";
                            case 1 -> prefix + "reply 1";
                            default -> prefix + "reply 2";
                        };
                assertThat(target.parent().externalId()).as(content).isEqualTo(idByContent.get(parent));
            }
            assertThat(nodes.stream().mapToInt(n -> n.published.get()).sum()).isEqualTo(VARIANTS * PARTS);
        } finally {
            nodes.forEach(Node::close);
        }
    }
}
