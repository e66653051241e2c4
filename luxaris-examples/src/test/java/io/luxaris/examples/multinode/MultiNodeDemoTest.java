package io.luxaris.examples.multinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MultiNodeDemoTest {
    private static final Pattern PER_NODE = Pattern.compile("published per node: (.*)");

    @Test
    void threeEngines_onAFreshSchema_publishEveryScheduleExactlyOnce() throws Exception {
        try (PostgresSchema db = PostgresSchema.create()) {
            var out = new ByteArrayOutputStream();
            int status = MultiNodeDemo.run(
                    new String[] {"--url", db.url, "--user", db.user, "--schema", db.name, "--count", "90"},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            System.out.println(text);

            assertThat(status).as(text).isEqualTo(MultiNodeDemo.OK);
            assertThat(text)
                    .contains("3 engines on PostgreSQL")
                    .contains("schema " + db.name)
                    .contains("all 90 schedules settled")
                    .contains("success=90")
                    .contains("exactly once: each of the 90 schedules was posted once")
                    .containsPattern("node-[123] published [0-9a-f-]{36} at ");
            Matcher m = PER_NODE.matcher(text);
            assertThat(m.find()).as(text).isTrue();
            int sum = 0;
            for (String part : m.group(1).trim().split(", ")) {
                assertThat(part).matches("node-[123]=\\d+");
                sum += Integer.parseInt(part.substring(part.indexOf('=') + 1));
            }
            assertThat(sum).isEqualTo(90);

            // what the database says, independently of the demo's own check
            String t = db.name + ".luxaris_";
            assertThat(db.number("SELECT count(*) FROM " + t + "schedule")).isEqualTo(90);
            assertThat(db.number("SELECT count(*) FROM " + t + "schedule WHERE status = 'success'"))
                    .isEqualTo(90);
            assertThat(db.number("SELECT count(*) FROM " + t + "publish_event WHERE status = 'success'"))
                    .isEqualTo(90);
            assertThat(db.number("SELECT count(DISTINCT schedule_id) FROM " + t + "publish_event"))
                    .isEqualTo(90);
        }
    }

    @Test
    void anUnreachableDatabase_exitsWith3_andSaysSo() {
        var out = new ByteArrayOutputStream();
        int status = MultiNodeDemo.run(
                new String[] {"--url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "--count", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isEqualTo(MultiNodeDemo.NO_DATABASE);
        assertThat(text).contains("cannot use PostgreSQL").contains("127.0.0.1:1");
    }

    @Test
    void help_andBadOptions() {
        var out = new ByteArrayOutputStream();
        assertThat(MultiNodeDemo.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(MultiNodeDemo.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--count N")
                .contains("--schema NAME")
                .contains("LUXARIS_PG_URL")
                .contains("LUXARIS_PG_PASSWORD");

        for (String[] bad : List.of(
                new String[] {"--count", "zero"},
                new String[] {"--count", "0"},
                new String[] {"--nodes", "1"},
                new String[] {"--schema", "Bad-Name"},
                new String[] {"--url", "jdbc:mysql://x/y"},
                new String[] {"--count"},
                new String[] {"--frobnicate", "1"})) {
            var err = new ByteArrayOutputStream();
            assertThat(MultiNodeDemo.run(bad, new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .as(String.join(" ", bad))
                    .isEqualTo(MultiNodeDemo.USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("error: ")
                    .contains("Usage:");
        }
    }

    @Test
    void options_takeTheEnvironmentAsFallback_andTheCommandLineFirst() {
        Map<String, String> env = Map.of(
                "LUXARIS_PG_URL", "jdbc:postgresql://db:5433/app",
                "LUXARIS_PG_USER", "app",
                "LUXARIS_PG_PASSWORD", "s3cret");
        var o = MultiNodeDemo.Options.parse(new String[] {"--count=12", "--schema", "demo_two"}, env::get);
        assertThat(o.url).isEqualTo("jdbc:postgresql://db:5433/app");
        assertThat(o.user).isEqualTo("app");
        assertThat(o.password).isEqualTo("s3cret");
        assertThat(o.count).isEqualTo(12);
        assertThat(o.schema).isEqualTo("demo_two");
        assertThat(o.nodes).isEqualTo(3);

        var defaults = MultiNodeDemo.Options.parse(new String[] {"--user", "me"}, key -> null);
        assertThat(defaults.url).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(defaults.user).isEqualTo("me");
        assertThat(defaults.count).isEqualTo(300);
        assertThat(defaults.schema).isEqualTo("luxaris_demo");
        assertThatThrownBy(() -> MultiNodeDemo.Options.parse(new String[] {"--latency-ms", "-1"}, key -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--latency-ms");
    }

    @Test
    void theLedger_findsSchedulesPostedTwiceOrNever() {
        var a = ScheduleId.random();
        var b = ScheduleId.random();
        var c = ScheduleId.random();
        var stranger = ScheduleId.random();
        var ledger = new Ledger();
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        ledger.record(a, "node-1", now);
        ledger.record(b, "node-2", now.plusMillis(1));
        ledger.record(b, "node-3", now.plusMillis(2));
        ledger.record(stranger, "node-1", now.plusMillis(3));

        var verdict = ledger.verify(List.of(a, b, c));
        assertThat(verdict.exactlyOnce()).isFalse();
        assertThat(verdict.once()).isEqualTo(1);
        assertThat(verdict.never()).containsExactly(c);
        assertThat(verdict.moreThanOnce()).containsExactly(b);
        assertThat(verdict.otherPosts()).isEqualTo(1);
        assertThat(ledger.perNode())
                .containsExactly(Map.entry("node-1", 2), Map.entry("node-2", 1), Map.entry("node-3", 1));

        assertThat(ledger.verify(List.of(a)).exactlyOnce()).isTrue();
        assertThat(ledger.verify(List.of(a, stranger)).exactlyOnce()).isTrue();
    }

    @Test
    void theCountingChannel_postsThroughTheEngine_andRecordsWhichNodePosted() {
        var ledger = new Ledger();
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        try (var luxaris = Luxaris.builder()
                .channel(new CountingChannel("node-7", ledger, Duration.ZERO))
                .clock(clock)
                .build()) {
            var alice = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of(CountingChannel.KEY, "@alice", Credentials.bearer("t")));
            var post = luxaris.posts()
                    .create(alice, PostDraft.of("hi").withVariant(VariantDraft.of(CountingChannel.KEY, "Hello")));
            var schedule = luxaris.schedules()
                    .schedule(
                            alice,
                            ScheduleRequest.at(
                                    post.firstVariant().id(),
                                    account.id(),
                                    clock.instant().plusSeconds(60)));
            clock.advance(Duration.ofMinutes(1));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

            assertThat(ledger.entries()).singleElement().satisfies(e -> {
                assertThat(e.schedule()).isEqualTo(schedule.id());
                assertThat(e.node()).isEqualTo("node-7");
                assertThat(e.at()).isEqualTo(clock.instant());
            });
            var stored = luxaris.schedules().get(alice, schedule.id());
            assertThat(stored.status()).isEqualTo(ScheduleStatus.SUCCESS);
            assertThat(stored.externalPostId()).contains("demo-1");
            assertThat(ledger.verify(List.of(schedule.id())).exactlyOnce()).isTrue();
        }
    }
}
