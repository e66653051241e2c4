package io.luxaris.jdbc;

import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake platform's record of posts, in a file shared by processes: one line per publish call, appended (one
 * write each, so a killed process never leaves half a line) before the call returns. A line means "this schedule
 * may exist on the platform"; a schedule with two lines was posted twice.
 */
final class Ledger {
    private final Path file;

    Ledger(Path file) {
        this.file = file;
    }

    /** A fake channel that records each call in the ledger, then succeeds after {@code delay}. */
    ScriptedChannel channel(Duration delay) {
        return channel(delay, Integer.MAX_VALUE);
    }

    /**
     * A fake channel that records each call in the ledger, then succeeds after {@code delay}; from call number
     * {@code hangAfter + 1} on, a call records itself and then hangs (a publish in progress, forever).
     */
    ScriptedChannel channel(Duration delay, int hangAfter) {
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        return ScriptedChannel.create("fake").willAnswer(request -> {
            append(request);
            return calls.incrementAndGet() > hangAfter
                    ? Behavior.delay(Duration.ofHours(1), Behavior.succeed())
                    : Behavior.delay(delay, Behavior.succeed());
        });
    }

    private synchronized void append(PublishRequest request) {
        byte[] line = (request.scheduleId() + " " + request.attempt() + " "
                        + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often each schedule was posted. */
    Map<ScheduleId, Integer> postsBySchedule() {
        var map = new HashMap<ScheduleId, Integer>();
        for (String line : lines()) {
            map.merge(ScheduleId.of(line.split(" ")[0]), 1, Integer::sum);
        }
        return map;
    }
}
