package io.luxaris.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart's entry point as a user would, on a data directory of its own. */
class QuickstartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    private record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The output with line breaks and indentation as single spaces: what the wrapped step lines say. */
        String flat() {
            return out.replaceAll("\\s+", " ");
        }

        /** Calendar rows of this run start with "  * ", earlier runs' rows with four spaces and a day. */
        long calendarRows(boolean thisRun) {
            return lines().stream()
                    .filter(l -> thisRun ? l.matches("  \\* \\w{3} \\d\\d .*") : l.matches(" {4}\\w{3} \\d\\d .*"))
                    .count();
        }
    }

    @Test
    void twoRuns_publishToTheOutbox_dryRunXAndLinkedIn_andTheSecondContinuesOnTheStoredData() throws IOException {
        Path data = dir.resolve("data");

        Result first = run("--data-dir", data.toString(), "--zone", "Europe/Berlin", "--delay", "1");

        assertThat(first.status()).as(first.out() + first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.flat())
                .contains("data in " + data.toAbsolutePath() + " (new)")
                .contains("found by ServiceLoader")
                .contains("x @quickstart (connected)", "outbox local outbox (connected)")
                .contains("\"Quickstart announcement\" (created), placeholders: headline, link, note, product, version")
                .contains("offline generator: 12 suggestions")
                .contains("6 schedules from")
                .contains("Recurring a weekly tip to outbox, Mondays 09:00 Europe/Berlin, 4 times, 2 texts in turn")
                .containsPattern(
                        "next: Mon \\d\\d \\w{3} 09:00:00, Mon \\d\\d \\w{3} 09:00:00, Mon \\d\\d \\w{3} 09:00:00, Mon")
                .contains("\"quickstart queue\" on x @quickstart, daily at 09:00 and 17:00 Europe/Berlin")
                .contains("queued tip 1 -> slot", "queued tip 2 -> slot")
                .contains("taken out again (nothing is posted later); next free slots:");
        assertThat(first.out())
                .contains("                 6/6 done in")
                .contains("This week in Europe/Berlin")
                .contains("Publish events of this run:")
                .contains("Result: 2 published, 4 dry runs (built and validated, not sent).")
                .doesNotContain("dry-run-no-token");
        // a dry run is its own outcome: never shown as a failure
        assertThat(first.lines()).noneMatch(l -> l.contains("failed"));
        assertThat(first.lines().stream()
                        .filter(l -> l.matches("                 \\d/6 (x|linkedin) +dry run, not sent")))
                .hasSize(4);
        // the requests X and LinkedIn built and did not send, redacted
        assertThat(first.out())
                .contains("Dry-run requests, built and not sent (first per channel, tokens redacted):")
                .contains("  x        POST https://api.x.com/2/tweets  Authorization: [REDACTED]")
                .contains("  linkedin POST https://api.linkedin.com/rest/posts  Authorization: [REDACTED]")
                .contains("  (4 requests in all; to log every one, run java with" + System.lineSeparator()
                        + "   -Dorg.slf4j.simpleLogger.defaultLogLevel=info)");
        // nothing wraps on an 80-column terminal
        assertThat(first.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(79));
        assertThat(first.calendarRows(true)).isEqualTo(6);
        assertThat(first.calendarRows(false)).isZero();
        // the events table: one attempt per schedule; the outbox's carry the file: link, X's what would have been sent
        assertThat(first.lines().stream().filter(l -> l.matches("  #\\d +outbox +1 +success +[0-9:]{8} file:/.*")))
                .hasSize(2);
        assertThat(first.lines().stream()
                        .filter(l -> l.matches("  #\\d +x +1 +dry_run +[0-9:]{8} POST https://api.x.com/2/tweets .*")))
                .hasSize(2);
        Path outbox = data.resolve("outbox.jsonl");
        assertThat(Files.readAllLines(outbox)).hasSize(2).allSatisfy(line -> assertThat(
                        JSON.readTree(line).path("text").asText())
                .startsWith("Luxaris 0.1: ")
                .contains("quickstart run at"));
        assertThat(data.resolve("luxaris-keyset.json")).exists();

        Result second = run("--data-dir", data.toString(), "--zone", "Europe/Berlin", "--delay", "1", "--count", "1");

        assertThat(second.status()).as(second.out() + second.err()).isZero();
        assertThat(second.flat())
                .contains("(continuing from earlier runs)")
                .contains("luxaris-keyset.json (existing)")
                .contains("x @quickstart (reused)", "linkedin Quickstart on LinkedIn (reused)")
                .contains("outbox local outbox (reused)")
                .contains("\"Quickstart announcement\" (reused)")
                .contains("3 schedules from")
                .contains("queued tip 2 -> slot")
                .contains("Result: 1 published, 2 dry runs");
        assertThat(second.out()).contains("                 3/3 done in");
        // the calendar shows both runs
        assertThat(second.calendarRows(true)).isEqualTo(3);
        assertThat(second.calendarRows(false)).isEqualTo(6);
        assertThat(Files.readAllLines(outbox)).hasSize(3);

        // the same three connections, one per channel, no new ones
        try (JdbcStorage storage = JdbcStorage.embedded(data);
                Luxaris luxaris = Luxaris.builder()
                        .storage(storage)
                        .secretCipher(TinkSecretCipher.fromKeyFile(data.resolve("luxaris-keyset.json")))
                        .build()) {
            List<ChannelConnection> connections = luxaris.channels().list(QuickstartRun.AUTHOR);
            assertThat(connections)
                    .extracting(ChannelConnection::displayName)
                    .containsExactlyInAnyOrder("@quickstart", "Quickstart on LinkedIn", "local outbox");
        }
    }

    @Test
    void bluesky_isOfferedAsADryRun_showingWhatWouldGoToThePds() throws IOException {
        Path data = dir.resolve("bluesky");

        Result result = run(
                "--data-dir=" + data, "--channels", "bluesky,outbox", "--count", "1", "--delay", "1", "--zone", "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.flat())
                .contains("bluesky Bluesky, dry run (the quickstart never posts to Bluesky)")
                .contains("Result: 1 published, 1 dry run")
                .contains("bluesky POST https://bsky.social/xrpc/com.atproto.repo.createRecord")
                .contains("{\"repo\":\"did:plc:dry-run\",\"collection\":\"app.bsky.feed.post\"")
                .doesNotContain("dry-run-no-password");
    }

    @Test
    void aSubsetOfChannels_postsOnlyToThem() throws IOException {
        Path data = dir.resolve("outbox-only");

        Result result =
                run("--data-dir=" + data, "--channels", "outbox", "--count", "1", "--delay", "1", "--zone", "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("1 post to outbox")
                .contains("1 schedule from")
                .contains("                 1/1 done in")
                .contains("Result: 1 published.")
                .doesNotContain("@quickstart")
                .doesNotContain("To post for real");
        assertThat(Files.readAllLines(data.resolve("outbox.jsonl"))).hasSize(1);
    }

    @Test
    void mastodon_isOfferedByName_asADryRunChannel() throws IOException {
        Path data = dir.resolve("mastodon");

        Result result = run(
                "--data-dir=" + data, "--channels", "mastodon,outbox", "--count", "1", "--delay", "1", "--zone", "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.flat())
                .contains("mastodon @quickstart@mastodon.social (connected)")
                .contains("Result: 1 published, 1 dry run");
        assertThat(result.out())
                .contains("  mastodon POST https://mastodon.social/api/v1/statuses  Authorization: [RED")
                .doesNotContain("dry-run-no-token");
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(79));
    }

    @Test
    void threads_isOfferedByName_asADryRunChannel() throws IOException {
        Path data = dir.resolve("threads");

        Result result = run(
                "--data-dir=" + data, "--channels", "threads,outbox", "--count", "1", "--delay", "1", "--zone", "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.flat())
                .contains("threads @quickstart on Threads (connected)")
                .contains("Result: 1 published, 1 dry run");
        assertThat(result.out())
                .contains("  threads  POST https://graph.threads.net/v1.0/quickstart/threads")
                .doesNotContain("dry-run-no-token");
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(79));
    }

    @Test
    void withoutTheOutbox_theRecurringTipIsShownThenCancelled_soNoRealAccountGetsItLater() throws IOException {
        Path data = dir.resolve("no-outbox");

        Result result =
                run("--data-dir=" + data, "--channels", "threads", "--count", "1", "--delay", "1", "--zone", "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.flat())
                .contains("a weekly tip to threads")
                .contains("cancelled again (nothing is posted later to threads)");
    }

    @Test
    void help_printsTheOptions_andExitsZero() {
        Result result = run("--help");

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .contains("Usage: java -jar luxaris-quickstart.jar")
                .contains("--data-dir", "--zone", "--count", "--channels", "--real", "--dry-run");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void badOptions_printTheProblemAndTheUsage_andExitTwo() {
        for (String[] args : List.of(
                new String[] {"--frobnicate"},
                new String[] {"--count", "0"},
                new String[] {"--zone", "Mars/Olympus_Mons"},
                new String[] {"--channels", "x,myspace"},
                new String[] {"--real", "--dry-run"},
                new String[] {"--data-dir"})) {
            Result result = run(args);
            assertThat(result.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).startsWith("quickstart: ").contains("Usage:");
            assertThat(result.out()).isEmpty();
        }
        assertThat(run("--frobnicate").err()).startsWith("quickstart: unknown option --frobnicate");
    }

    @Test
    void real_withoutCredentials_namesWhatIsMissing() {
        Result result = run("--real", "--data-dir", dir.resolve("d").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("quickstart: --real needs X_ACCESS_TOKEN, LINKEDIN_ACCESS_TOKEN, LINKEDIN_AUTHOR_URN");
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void aDatabaseWhoseKeysetIsGone_isRefusedWithAClearMessage() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("luxaris.mv.db"), "a database made with a keyset that was deleted since");

        Result result = run("--data-dir", data.toString(), "--channels", "outbox");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("quickstart: the database in ").contains("luxaris-keyset.json", "is gone");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(data.resolve("luxaris-keyset.json")).doesNotExist();
    }

    @Test
    void aDataDirectoryThatCannotBeCreated_isRefusedSayingWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        Result itself = run("--data-dir", file.toString(), "--channels", "outbox");
        Result below = run("--data-dir", file.resolve("data").toString(), "--channels", "outbox");

        assertThat(itself.status()).isEqualTo(1);
        assertThat(itself.err())
                .isEqualTo("quickstart: cannot create the data directory " + file + ": " + file
                        + " exists and is not a directory. Choose another one with --data-dir."
                        + System.lineSeparator());
        assertThat(below.status()).isEqualTo(1);
        assertThat(below.err())
                .startsWith("quickstart: cannot create the data directory " + file.resolve("data") + ": ")
                .contains("not a directory")
                .doesNotContain("\tat ");
    }

    @Test
    void wideTerminals_getWiderLines_butNeverLongerThanCOLUMNS() {
        Path data = dir.resolve("wide");

        Result result = run(
                Map.of("COLUMNS", "120"),
                "--data-dir",
                data.toString(),
                "--count",
                "3",
                "--delay",
                "1",
                "--zone",
                "UTC");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(119));
        assertThat(result.lines()).anySatisfy(l -> assertThat(l.length()).isGreaterThan(79));
        assertThat(result.out()).contains("9 schedules from", "Result: 3 published, 6 dry runs");
    }

    /** Runs with an empty environment: no credentials, no OpenAI, whatever the machine has. */
    private static Result run(String... args) {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Quickstart.run(args, env, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
