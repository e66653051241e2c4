package io.luxaris.channels.threads.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Threads Graph API calls the publisher makes, each classified for what it means: creating a container
 * creates no post (every failure is safe to try again, unless it was refused); reading never changes anything;
 * {@code threads_publish} is the one call that posts, so a failure after it was sent is unknown.
 */
final class Graph {
    private static final Logger LOG = LoggerFactory.getLogger(Graph.class);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final Settings settings;

    Graph(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The account behind the token ({@code GET /me?fields=id,username}). */
    record Account(String id, Optional<String> username) {}

    /** What a container reports. */
    enum State {
        IN_PROGRESS,
        FINISHED,
        PUBLISHED,
        ERROR,
        EXPIRED,
        /** Threads does not know the container (any more). */
        MISSING
    }

    /** A container's status and, for {@code ERROR}, Meta's reason ({@code FAILED_DOWNLOADING_VIDEO}...). */
    record Status(State state, Optional<String> errorMessage) {}

    /** The answer to {@code threads_publish}: the published id, or Meta's transient "Media Not Found". */
    record Publish(Optional<String> id, String raw) {
        boolean mediaNotFound() {
            return id.isEmpty();
        }
    }

    /**
     * The publishing quota ({@code threads_publishing_limit}).
     *
     * @param used posts published through the API in the window
     * @param total posts allowed in the window
     * @param window the window, in seconds
     * @param repliesUsed replies published in the reply window
     * @param repliesTotal replies allowed in it
     * @param replyWindow the reply window, in seconds
     */
    record Quota(long used, long total, long window, long repliesUsed, long repliesTotal, long replyWindow) {}

    /** A post of the account's timeline. */
    record Post(String id, String text, Optional<Instant> timestamp, Optional<String> permalink) {}

    Account me(Auth.Session session) throws Fail {
        HttpResult result = read(session, settings.api("me").addQueryParameter("fields", "id,username"), "the account");
        if (!result.isSuccessful()) {
            throw fail(result, session, "reading the account (GET /me)");
        }
        JsonNode json = result.json();
        Optional<String> id = Json.text(json, "/id");
        if (id.isEmpty()) {
            throw Fail.of(FailureKind.RETRYABLE, "unreadable_response", "Threads' answer to GET /me has no id");
        }
        return new Account(id.get(), Json.text(json, "/username"));
    }

    /** {@code POST /{user}/threads} with {@code fields}; the container id. */
    String create(Auth.Session session, String user, Map<String, String> fields, String label) throws Fail {
        HttpResult result;
        try {
            result = session.post(settings.api(user, "threads").build(), fields, false);
        } catch (TransportFailure e) {
            // a container is not a post: an orphan one expires unpublished, so trying again is safe
            throw Fail.of(
                    e.kindBeforeCreating(), e.code(), label + ": creating the container failed: " + e.getMessage());
        }
        if (!result.isSuccessful()) {
            throw fail(result, session, label + ": creating the container");
        }
        return Json.text(result.json(), "/id")
                .orElseThrow(() -> Fail.of(
                        FailureKind.RETRYABLE,
                        "unreadable_response",
                        label + ": Threads answered HTTP " + result.status() + " without a container id"));
    }

    /** {@code GET /{container}?fields=status,error_message}. */
    Status status(Auth.Session session, String container, String label) throws Fail {
        HttpResult result =
                read(session, settings.api(container).addQueryParameter("fields", "status,error_message"), label);
        if (!result.isSuccessful()) {
            GraphError error = GraphError.of(result);
            if (error.isNotFound()
                    && session.expiresAt()
                            .map(at -> session.context().clock().instant().isBefore(at))
                            .orElse(true)) {
                return new Status(State.MISSING, Optional.empty());
            }
            throw fail(result, session, label + ": reading the container status");
        }
        JsonNode json = result.json();
        String status = Json.text(json, "/status").orElse("").toUpperCase(Locale.ROOT);
        Optional<String> error = Json.text(json, "/error_message");
        for (State state : State.values()) {
            if (state != State.MISSING && state.name().equals(status)) {
                return new Status(state, error);
            }
        }
        throw Fail.of(
                FailureKind.RETRYABLE,
                "unreadable_response",
                label + ": Threads reported the container status '" + Redaction.truncate(status, 40) + "'");
    }

    /** {@code POST /{user}/threads_publish?creation_id={container}}: the one call that posts. */
    Publish publish(Auth.Session session, String user, String container, String label) throws Fail, Unanswered {
        HttpUrl url = settings.api(user, "threads_publish")
                .addQueryParameter("creation_id", container)
                .build();
        HttpResult result;
        try {
            result = session.post(url, Map.of(), true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.RETRYABLE) {
                throw Fail.of(FailureKind.RETRYABLE, e.code(), label + ": " + e.getMessage());
            }
            throw new Unanswered(Fail.of(
                    FailureKind.UNKNOWN,
                    e.answered() ? e.code() : e.code() + "_after_send",
                    label + ": " + e.getMessage() + "; it may or may not be on Threads (container " + container + ")"));
        }
        String raw = Classifier.raw(result, session.secrets());
        if (result.isSuccessful()) {
            Optional<String> id = Json.text(result.json(), "/id");
            if (id.isEmpty()) {
                throw new Unanswered(new Fail(new PublishOutcome.Failed(
                        FailureKind.UNKNOWN,
                        "unreadable_response",
                        label + ": Threads answered HTTP " + result.status() + " without a post id (container "
                                + container + ")",
                        Optional.empty(),
                        Optional.of(raw),
                        Map.of())));
            }
            return new Publish(id, raw);
        }
        if (GraphError.of(result).isMediaNotFound()) {
            return new Publish(Optional.empty(), raw);
        }
        throw fail(result, session, label);
    }

    /** The quota, or empty when it cannot be read (Meta enforces it anyway). */
    Optional<Quota> quota(Auth.Session session, String user) {
        HttpResult result;
        try {
            result = read(
                    session,
                    settings.api(user, "threads_publishing_limit")
                            .addQueryParameter("fields", "quota_usage,config,reply_quota_usage,reply_config"),
                    "the publishing quota");
        } catch (Fail e) {
            LOG.debug(
                    "could not read the Threads publishing quota: {}",
                    e.failed().safeMessage());
            return Optional.empty();
        }
        if (!result.isSuccessful()) {
            LOG.debug("Threads answered HTTP {} to the publishing quota", result.status());
            return Optional.empty();
        }
        JsonNode data = result.json().path("data").path(0);
        Optional<Long> used = Json.number(data, "/quota_usage");
        Optional<Long> total = Json.number(data, "/config/quota_total");
        if (used.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        long window = Json.number(data, "/config/quota_duration").orElse(86_400L);
        return Optional.of(new Quota(
                used.get(),
                total.get(),
                window,
                Json.number(data, "/reply_quota_usage").orElse(0L),
                Json.number(data, "/reply_config/quota_total").orElse(Long.MAX_VALUE),
                Json.number(data, "/reply_config/quota_duration").orElse(window)));
    }

    /**
     * The account's posts since {@code since}, newest first, following the {@code after} cursor for at most {@code
     * maxPages} pages (the cursor only: a {@code next} URL from the answer is never followed).
     */
    List<Post> recent(Auth.Session session, String user, Instant since, int maxPages) throws Fail {
        var posts = new ArrayList<Post>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < maxPages; page++) {
            HttpUrl.Builder url = settings.api(user, "threads")
                    .addQueryParameter("fields", "id,text,timestamp,permalink")
                    .addQueryParameter("since", Long.toString(since.getEpochSecond()))
                    .addQueryParameter("limit", "100");
            after.ifPresent(cursor -> url.addQueryParameter("after", cursor));
            HttpResult result = read(session, url, "the account's recent threads");
            if (!result.isSuccessful()) {
                throw fail(result, session, "reading the account's recent threads");
            }
            JsonNode json = result.json();
            for (JsonNode post : json.path("data")) {
                Optional<String> id = Json.text(post, "/id");
                id.ifPresent(value -> posts.add(new Post(
                        value,
                        post.path("text").asText(""),
                        Json.text(post, "/timestamp").flatMap(Graph::time),
                        Json.text(post, "/permalink"))));
            }
            after = Json.text(json, "/paging/cursors/after");
            if (after.isEmpty() || Json.text(json, "/paging/next").isEmpty()) {
                break;
            }
        }
        return posts;
    }

    /** A post's public address ({@code GET /{id}?fields=id,permalink}); empty when Meta gives none. */
    Optional<String> permalink(Auth.Session session, String id) {
        try {
            HttpResult result =
                    read(session, settings.api(id).addQueryParameter("fields", "id,permalink"), "the permalink");
            if (!result.isSuccessful()) {
                LOG.debug("Threads answered HTTP {} to the permalink of {}", result.status(), id);
                return Optional.empty();
            }
            return Json.text(result.json(), "/permalink").filter(link -> link.startsWith("https://"));
        } catch (Fail e) {
            LOG.debug("could not read the permalink of {}: {}", id, e.failed().safeMessage());
            return Optional.empty();
        }
    }

    private HttpResult read(Auth.Session session, HttpUrl.Builder url, String what) throws Fail {
        try {
            return session.get(url.build());
        } catch (TransportFailure e) {
            throw Fail.of(e.kindBeforeCreating(), e.code(), "reading " + what + " failed: " + e.getMessage());
        }
    }

    private static Fail fail(HttpResult result, Auth.Session session, String label) {
        PublishOutcome.Failed failed = Classifier.classify(
                result, session.secrets(), session.context().clock().instant(), session.expiresAt());
        return Fail.labelled(label, failed);
    }

    /** A Graph timestamp ({@code 2026-11-24T10:00:00+0000}, or ISO-8601 with a colon in the offset). */
    static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, GRAPH_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** A publish that may have reached Threads without an answer: the attempt's outcome is unknown. */
    static final class Unanswered extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Fail fail;

        Unanswered(Fail fail) {
            super(fail.failed().code(), null, false, false);
            this.fail = fail;
        }

        Fail fail() {
            return fail;
        }
    }
}
