package com.example.consumer;

import io.luxaris.Luxaris;
import io.luxaris.spi.security.Principal;
import io.luxaris.channels.x.XChannel;
import io.luxaris.channels.x.XRequestPreview;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host application in miniature: Luxaris on an in-memory H2 database (JdbcStorage), X in dry-run mode, one post
 * scheduled half a second ahead and handed to the channel by {@code runDue()}. In dry-run mode the X channel builds
 * the request exactly as it would send it, hands it to a sink and sends nothing; the attempt is a dry run of its own
 * (neither published nor failed), so the schedule ends {@code dry_run}.
 */
public final class BomConsumer {
    /** What happened: the schedule afterwards, its publish attempts, and the requests X would have received. */
    public record Outcome(Schedule schedule, List<PublishEvent> events, List<XRequestPreview> requests) {}

    private BomConsumer() {}

    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = publishOnce();
        System.out.println("BOM consumer: schedule " + outcome.schedule().id() + " is "
                + outcome.schedule().status().wireName() + " after " + outcome.events().size() + " attempt(s); "
                + outcome.requests().size() + " request(s) built for X, first: "
                + outcome.requests().stream().findFirst().map(r -> r.method() + " " + r.url()).orElse("none"));
        if (!outcome.schedule().status().isTerminal() || outcome.requests().isEmpty()) {
            throw new IllegalStateException("the schedule did not go through the X channel: " + outcome);
        }
    }

    public static Outcome publishOnce() throws InterruptedException {
        var requests = new CopyOnWriteArrayList<XRequestPreview>();
        try (JdbcStorage storage = JdbcStorage.inMemory();
                Luxaris luxaris = Luxaris.builder()
                        .storage(storage)
                        .channel(XChannel.builder().dryRun(requests::add).build())
                        .build()) {
            Principal alice = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("x", "@alice", Credentials.bearer("dry-run-token")));
            var post = luxaris.posts()
                    .create(
                            alice,
                            PostDraft.of("Release 2.1")
                                    .withVariant(VariantDraft.of("x", "Release 2.1 is out! Built against the BOM.")));
            Schedule schedule = luxaris.schedules()
                    .schedule(
                            alice,
                            ScheduleRequest.at(
                                    post.firstVariant().id(), account.id(), Instant.now().plusMillis(500)));
            // the database's clock decides what is due: ask until the schedule has an outcome (10 s at most)
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (luxaris.schedules().get(alice, schedule.id()).status().isActive()
                    && Instant.now().isBefore(deadline)) {
                luxaris.publishing().runDue();
                Thread.sleep(100);
            }
            return new Outcome(
                    luxaris.schedules().get(alice, schedule.id()),
                    luxaris.schedules().events(alice, schedule.id()),
                    List.copyOf(requests));
        }
    }
}
