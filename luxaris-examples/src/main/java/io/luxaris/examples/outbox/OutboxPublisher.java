package io.luxaris.examples.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes by appending one JSON line to the outbox file. The engine calls it from several threads at once and
 * never with a storage transaction open.
 *
 * <p>The outcome rules every publisher keeps (see {@link ChannelPublisher}):
 *
 * <ul>
 *   <li>nothing was written (the file could not be opened or locked): {@code RETRYABLE}, the engine tries again
 *       with backoff;
 *   <li>writing started but did not finish cleanly: the line may be in the file, so {@code UNKNOWN}, never a
 *       blind retry; Luxaris then calls {@link #lookup}, which scans the file for the schedule;
 *   <li>content this channel cannot take (too long, media): {@code REJECTED}, not retried.
 * </ul>
 */
final class OutboxPublisher implements ChannelPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One monitor per file: a {@link FileLock} guards against other processes, not other threads of this JVM. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final int maxTextLength;
    private final TextMeasure measure;
    private final Clock clock;

    OutboxPublisher(Path file, int maxTextLength, TextMeasure measure, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.maxTextLength = maxTextLength;
        this.measure = Objects.requireNonNull(measure, "measure");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        PostVariant variant = request.variant();
        // The credentials in context are not needed here; a platform plugin would send context.credentials()
        // and never put them in an outcome, a message or a log line.
        Optional<PublishOutcome.Failed> refused = refuse(variant);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = UUID.randomUUID().toString();
        String line;
        try {
            line = JSON.writeValueAsString(entry(id, request));
        } catch (JsonProcessingException e) {
            return PublishOutcome.failed(
                    FailureKind.REJECTED, "unserializable", "the post could not be written as JSON");
        }
        Optional<PublishOutcome.Failed> failed = append((line + "\n").getBytes(StandardCharsets.UTF_8));
        if (failed.isPresent()) {
            return failed.get();
        }
        return PublishOutcome.published(id, location(id)).withRawResponse(line);
    }

    @Override
    public boolean supportsLookup() {
        return true;
    }

    /**
     * Scans the file for a line of this schedule: found means published; a complete scan without it means the
     * post certainly is not there (safe to try again); a file that cannot be read leaves the outcome unknown.
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        String schedule = request.scheduleId().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node = parse(line);
                if (node != null && schedule.equals(node.path("schedule_id").asText(null))) {
                    String id = node.path("id").asText("");
                    if (!id.isBlank()) {
                        return new LookupResult.Found(id, Optional.of(location(id)));
                    }
                }
            }
            return new LookupResult.Absent();
        } catch (NoSuchFileException e) {
            return new LookupResult.Absent();
        } catch (IOException | RuntimeException e) {
            return new LookupResult.Unknown(
                    "the outbox file could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** What this channel cannot take, checked again at publish time. */
    private Optional<PublishOutcome.Failed> refuse(PostVariant variant) {
        List<String> texts = variant.texts();
        for (int part = 0; part < texts.size(); part++) {
            int length = measure.measure(texts.get(part));
            if (length > maxTextLength) {
                return Optional.of(PublishOutcome.failed(
                        FailureKind.REJECTED,
                        "text_too_long",
                        (part == 0 ? "the text" : "thread part " + part) + " has " + length
                                + " characters; the outbox takes at most " + maxTextLength));
            }
        }
        if (!variant.media().isEmpty()) {
            return Optional.of(PublishOutcome.failed(
                    FailureKind.REJECTED, "media_unsupported", "the outbox channel does not take media"));
        }
        return Optional.empty();
    }

    /** The JSON line: ids to find it again, the account's display name and the text. Never a credential. */
    private ObjectNode entry(String id, PublishRequest request) {
        PostVariant variant = request.variant();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("written_at", clock.instant().toString());
        node.put("schedule_id", request.scheduleId().toString());
        node.put("attempt", request.attempt());
        node.put("idempotency_key", request.idempotencyKey());
        node.put("post_id", variant.postId().toString());
        node.put("variant_id", variant.id().toString());
        node.put("connection_id", request.connection().id().toString());
        node.put("account", request.connection().displayName());
        node.put("text", variant.content());
        if (!variant.thread().isEmpty()) {
            var thread = node.putArray("thread");
            variant.thread().forEach(thread::add);
        }
        return node;
    }

    /**
     * Appends the line under the JVM-wide monitor of the file and an exclusive file lock. Returns the failure
     * outcome, or empty when the line is in the file (forced to the device).
     */
    private Optional<PublishOutcome.Failed> append(byte[] line) {
        boolean writing = false;
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            try {
                Path directory = file.getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    FileLock lock = channel.lock();
                    try {
                        writing = true;
                        ByteBuffer buffer = ByteBuffer.wrap(line);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        channel.force(false);
                    } finally {
                        lock.release();
                    }
                }
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                String problem = e.getClass().getSimpleName();
                if (!writing) {
                    return Optional.of(PublishOutcome.failed(
                            FailureKind.RETRYABLE,
                            "io_error",
                            "the outbox file could not be opened for writing (" + problem + "); nothing was written"));
                }
                return Optional.of(PublishOutcome.failed(
                        FailureKind.UNKNOWN,
                        "write_interrupted",
                        "writing to the outbox file failed (" + problem + "); the line may have been written"));
            }
        }
    }

    /** A {@code file:} URI of the outbox with the entry's id as fragment. */
    private String location(String id) {
        return file.toUri() + "#" + id;
    }

    /** The line as JSON, or null when it is not (a torn line of an interrupted write). */
    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "OutboxPublisher[" + file + "]";
    }
}
