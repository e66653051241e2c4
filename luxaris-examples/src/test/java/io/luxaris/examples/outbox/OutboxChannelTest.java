package io.luxaris.examples.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path dir;

    private final List<ChannelPublisher> publishers = new ArrayList<>();

    @AfterEach
    void close() {
        publishers.forEach(ChannelPublisher::close);
    }

    @Test
    void publish_appendsOneJsonLinePerPost_withTheIdsToFindItAgain() throws IOException {
        Path file = dir.resolve("nested/dir/outbox.jsonl");
        ChannelPublisher publisher =
                publisher(OutboxChannel.builder().file(file).build());
        PublishRequest first = request("Line one\nline \"two\" – ünïcödé 🎉", List.of());
        PublishRequest second = request("Second post", List.of("part two", "part three"));

        var one = (PublishOutcome.Published) publisher.publish(first, context());
        var two = (PublishOutcome.Published) publisher.publish(second, context());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("id").asText()).isEqualTo(one.externalId());
        assertThat(line.path("schedule_id").asText())
                .isEqualTo(first.scheduleId().toString());
        assertThat(line.path("attempt").asInt()).isEqualTo(1);
        assertThat(line.path("idempotency_key").asText()).isEqualTo(first.idempotencyKey());
        assertThat(line.path("post_id").asText())
                .isEqualTo(first.variant().postId().toString());
        assertThat(line.path("variant_id").asText())
                .isEqualTo(first.variant().id().toString());
        assertThat(line.path("connection_id").asText())
                .isEqualTo(first.connection().id().toString());
        assertThat(line.path("account").asText()).isEqualTo("team outbox");
        assertThat(line.path("text").asText()).isEqualTo("Line one\nline \"two\" – ünïcödé 🎉");
        assertThat(line.path("written_at").asText()).isEqualTo(NOW.toString());
        assertThat(line.has("thread")).isFalse();
        JsonNode thread = JSON.readTree(lines.get(1)).path("thread");
        assertThat(thread.isArray()).isTrue();
        assertThat(List.of(thread.get(0).asText(), thread.get(1).asText())).containsExactly("part two", "part three");

        assertThat(one.externalId()).isNotEqualTo(two.externalId());
        assertThat(one.url()).contains(file.toUri() + "#" + one.externalId());
        assertThat(one.rawResponse()).contains(lines.get(0));
        assertThat(String.join("\n", lines)).doesNotContain("outbox-secret-token");
    }

    @Test
    void lookup_findsThePostOfTheSchedule_andSaysAbsentOtherwise() throws IOException {
        Path file = dir.resolve("outbox.jsonl");
        ChannelPublisher publisher =
                publisher(OutboxChannel.builder().file(file).build());
        assertThat(publisher.supportsLookup()).isTrue();
        PublishRequest published = request("Posted", List.of());
        PublishRequest neverPosted = request("Not posted", List.of());

        assertThat(publisher.lookup(published, context())).isInstanceOf(LookupResult.Absent.class);

        var outcome = (PublishOutcome.Published) publisher.publish(published, context());
        // a torn line from an interrupted write must not stop the scan
        Files.writeString(file, "{\"id\":\"torn\",\"sched\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        publisher.publish(request("Another", List.of()), context());
        PublishRequest laterAttempt =
                new PublishRequest(published.scheduleId(), 2, published.variant(), published.connection(), Map.of());

        assertThat(publisher.lookup(laterAttempt, context()))
                .isEqualTo(new LookupResult.Found(outcome.externalId(), outcome.url()));
        assertThat(publisher.lookup(neverPosted, context())).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void lookup_onAnUnreadableFile_isUnknown() {
        // a directory where the file should be: it cannot be read
        ChannelPublisher publisher = publisher(OutboxChannel.builder().file(dir).build());
        assertThat(publisher.lookup(request("x", List.of()), context())).isInstanceOf(LookupResult.Unknown.class);
    }

    @Test
    void publish_whenTheFileCannotBeOpened_isRetryable_andWritesNothing() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "not a directory");
        ChannelPublisher publisher = publisher(OutboxChannel.builder()
                .file(notADirectory.resolve("outbox.jsonl"))
                .build());

        PublishOutcome outcome = publisher.publish(request("Hello", List.of()), context());

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.code()).isEqualTo("io_error");
            assertThat(f.safeMessage()).contains("nothing was written");
        });
        assertThat(Files.readString(notADirectory)).isEqualTo("not a directory");
    }

    @Test
    void publish_textOverTheLimit_orMedia_isRejected() throws IOException {
        Path file = dir.resolve("outbox.jsonl");
        OutboxChannel channel =
                OutboxChannel.builder().file(file).maxTextLength(10).build();
        assertThat(channel.descriptor().limits().maxTextLength()).isEqualTo(10);
        assertThat(channel.descriptor().limits().supportsMedia()).isFalse();
        ChannelPublisher publisher = publisher(channel);

        assertThat(publisher.publish(request("0123456789", List.of()), context()))
                .isInstanceOf(PublishOutcome.Published.class);
        // 10 code points, 11 UTF-16 units: still fits
        assertThat(publisher.publish(request("012345678🎉", List.of()), context()))
                .isInstanceOf(PublishOutcome.Published.class);
        assertThat(publisher.publish(request("short", List.of("a thread part that is too long")), context()))
                .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(f.code()).isEqualTo("text_too_long");
                    assertThat(f.safeMessage()).contains("thread part 1");
                });
        PublishRequest withMedia = request("image", List.of());
        PostVariant v = withMedia.variant();
        PostVariant imageVariant = new PostVariant(
                v.id(),
                v.postId(),
                v.channelId(),
                v.connectionId(),
                v.content(),
                v.thread(),
                List.of(MediaRef.image("img-1")),
                v.tone(),
                v.source(),
                v.status(),
                v.metadata(),
                v.createdAt(),
                v.updatedAt(),
                v.publishedAt(),
                v.version());
        PublishRequest mediaRequest =
                new PublishRequest(withMedia.scheduleId(), 1, imageVariant, withMedia.connection(), Map.of());
        assertThat(publisher.publish(mediaRequest, context()))
                .isInstanceOfSatisfying(
                        PublishOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("media_unsupported"));
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void concurrentPublishers_appendWholeLines() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        // two publishers on one file, as two Luxaris instances in one JVM would have
        List<ChannelPublisher> two = List.of(
                publisher(OutboxChannel.builder().file(file).build()),
                publisher(OutboxChannel.builder().file(file).build()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<Future<PublishOutcome>>();
            for (int i = 0; i < 200; i++) {
                ChannelPublisher p = two.get(i % 2);
                String text = ("post " + i + " ").repeat(20);
                futures.add(pool.submit(() -> p.publish(request(text, List.of()), context())));
            }
            for (Future<PublishOutcome> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(PublishOutcome.Published.class);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(200);
        for (String line : lines) {
            assertThat(JSON.readTree(line).path("text").asText()).startsWith("post ");
        }
    }

    @Test
    void serviceLoader_findsTheOutbox_configuredBySystemProperty() {
        Path file = dir.resolve("discovered.jsonl");
        String previous = System.getProperty(OutboxChannel.FILE_SETTING);
        System.setProperty(OutboxChannel.FILE_SETTING, file.toString());
        try {
            List<ChannelProvider> found = ServiceLoader.load(ChannelProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(p -> p.key().equals(OutboxChannel.KEY))
                    .toList();
            assertThat(found).singleElement().isInstanceOfSatisfying(OutboxChannel.class, c -> assertThat(c.file())
                    .isEqualTo(file.toAbsolutePath()));
        } finally {
            if (previous == null) {
                System.clearProperty(OutboxChannel.FILE_SETTING);
            } else {
                System.setProperty(OutboxChannel.FILE_SETTING, previous);
            }
        }
    }

    @Test
    void configuredFile_prefersTheSystemProperty_thenTheEnvironment_thenTheDefault() {
        Map<String, String> props = Map.of(OutboxChannel.FILE_SETTING, "/from/property.jsonl");
        Map<String, String> env = Map.of(OutboxChannel.FILE_SETTING, "/from/env.jsonl");
        Map<String, String> none = Map.of();
        assertThat(OutboxChannel.configuredFile(props::get, env::get)).isEqualTo(Path.of("/from/property.jsonl"));
        assertThat(OutboxChannel.configuredFile(none::get, env::get)).isEqualTo(Path.of("/from/env.jsonl"));
        assertThat(OutboxChannel.configuredFile(Map.of(OutboxChannel.FILE_SETTING, " ")::get, none::get))
                .isEqualTo(Path.of(OutboxChannel.DEFAULT_FILE_NAME));
    }

    // ------------------------------------------------------------------ helpers

    private ChannelPublisher publisher(OutboxChannel channel) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ChannelPublisher publisher = channel.createPublisher(ChannelEnvironment.of(clock, MediaSource.none()));
        publishers.add(publisher);
        return publisher;
    }

    private static PublishRequest request(String text, List<String> thread) {
        ChannelId channel = ChannelId.forKey(OutboxChannel.KEY);
        var connection = new ChannelConnection(
                ConnectionId.random(),
                "alice",
                channel,
                "team outbox",
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                NOW,
                NOW,
                Optional.empty(),
                0);
        var variant = new PostVariant(
                VariantId.random(),
                PostId.random(),
                channel,
                Optional.of(connection.id()),
                text,
                thread,
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                NOW,
                NOW,
                Optional.empty(),
                0);
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    private static PublishContext context() {
        return new PublishContext() {
            @Override
            public Credentials credentials() {
                return Credentials.bearer("outbox-secret-token");
            }

            @Override
            public void saveCredentials(Credentials rotated) {
                throw new AssertionError("the outbox never rotates credentials");
            }

            @Override
            public Credentials reloadCredentials() {
                return credentials();
            }

            @Override
            public Clock clock() {
                return Clock.fixed(NOW, ZoneOffset.UTC);
            }

            @Override
            public MediaSource media() {
                return MediaSource.none();
            }
        };
    }
}
