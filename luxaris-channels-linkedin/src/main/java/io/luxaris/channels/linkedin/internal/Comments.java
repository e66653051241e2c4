package io.luxaris.channels.linkedin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.http.internal.Attempts;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.FollowUps;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.Lookups;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A variant's first comments (its {@link FollowUpKind#COMMENT} follow-ups) through LinkedIn's Comments API
 * (docs/platforms/linkedin.md §2.7): {@code POST /rest/socialActions/{post urn}/comments} creates one, {@code GET} on
 * the same path lists a post's comments for the lookup. The comment's text is plain text (LinkedIn does not read it as
 * little text), sent as written. Thread-safe.
 */
final class Comments {
    /** Checkpoint entry of an unanswered comment request: when it was sent, epoch milliseconds. */
    static final String SENT_AT_KEY = "linkedin.comment.sent_at";
    /** Comments read per page by the lookup. */
    static final int PAGE_SIZE = 100;
    /** Pages read at most by the lookup: a post with more comments than these leaves an unanswered comment unknown. */
    static final int MAX_PAGES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Comments.class);
    private static final Pattern POST_URN = Pattern.compile("urn:li:(?:share|ugcPost|activity):[A-Za-z0-9_-]{1,100}");
    private static final Pattern COMMENT_URN =
            Pattern.compile("urn:li:comment:\\([A-Za-z0-9:_-]{1,150},[0-9]{1,40}\\)");
    /** LinkedIn's clock and ours may differ: a comment up to this much older than the request may still be ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Settings settings;
    private final PlatformHttp http;
    private final Sleeper sleeper;
    private final Attempts<Instant, Instant> attempts = new Attempts<>(UnaryOperator.identity());

    Comments(Settings settings, PlatformHttp http, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The post a comment follow-up goes on: the variant's own post, as this adapter recorded it (a post URN). */
    static String postOf(FollowUpTarget target) throws Fail {
        if (target.kind() != FollowUpKind.COMMENT) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "follow_up_unsupported",
                    "LinkedIn posts have no replies; the LinkedIn channel posts comment follow-ups only");
        }
        String urn = target.root().externalId().strip();
        if (!POST_URN.matcher(urn).matches()) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "invalid_post_urn",
                    "follow-up " + (target.index() + 1) + " comments on '" + Redaction.truncate(urn, 100)
                            + "', which is not a LinkedIn post URN (urn:li:share:..., urn:li:ugcPost:...)");
        }
        return urn;
    }

    /** The comment's text: not blank and within LinkedIn's limit (the commentary's, as comments have none of their own). */
    static String checkedText(String content) throws Fail {
        if (content.isBlank()) {
            throw Fail.of(FailureKind.REJECTED, "empty_comment", "a LinkedIn comment needs text");
        }
        int length = content.codePointCount(0, content.length());
        if (length > LinkedInChannel.MAX_COMMENTARY_LENGTH) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "content_length",
                    "the comment is " + length + " characters; the limit is " + LinkedInChannel.MAX_COMMENTARY_LENGTH);
        }
        return content;
    }

    /**
     * One comment follow-up to create or look up: its request, the author URN it is posted as, the post it goes on,
     * its checked text, the access token, the secrets to keep out of stored answers, and the time of the call. Its
     * {@link #toString()} leaves the token and the secrets out.
     */
    record Call(
            PublishRequest request,
            String author,
            String postUrn,
            String text,
            String accessToken,
            Collection<String> secrets,
            Instant now) {
        FollowUpTarget target() {
            return request.followUp().orElseThrow();
        }

        @Override
        public String toString() {
            return "Comments.Call[schedule=" + request.scheduleId() + ", post=" + postUrn + ", at=" + now + "]";
        }
    }

    /**
     * Creates the comment once. A request that may have reached LinkedIn without an answer is {@code UNKNOWN}, with
     * the time it was sent in the checkpoint (for the lookup); a 404 (the post not readable yet, or deleted) is
     * retryable; every other refusal is classified as for a post.
     */
    PublishOutcome create(Call comment) {
        PublishRequest request = comment.request();
        String postUrn = comment.postUrn();
        Collection<String> secrets = comment.secrets();
        Instant now = comment.now();
        String label = FollowUps.label(comment.target(), postUrn);
        ObjectNode body = Json.object();
        body.put("actor", comment.author());
        body.put("object", postUrn);
        body.putObject("message").put("text", comment.text());
        Request call = LinkedInPublisher.rest(settings, comments(postUrn).build(), comment.accessToken())
                .post(RequestBody.create(Json.write(body), LinkedInPublisher.JSON))
                .build();
        Map<String, String> sent = Map.of(SENT_AT_KEY, Long.toString(now.toEpochMilli()));
        HttpResult result;
        try {
            result = http.execute(call, true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.UNKNOWN) {
                attempts.rememberUnanswered(request.scheduleId(), now);
                return PublishOutcome.failed(
                                FailureKind.UNKNOWN,
                                e.code(),
                                label + ": " + e.getMessage() + "; the comment may have been created on LinkedIn")
                        .withCheckpoint(sent);
            }
            return PublishOutcome.failed(FailureKind.RETRYABLE, e.code(), label + ": " + e.getMessage());
        }
        if (!result.isSuccessful()) {
            if (result.status() == 404) {
                return PublishOutcome.failed(
                                FailureKind.RETRYABLE,
                                "post_not_found",
                                label + ": LinkedIn does not show the post (yet); it answers 404 for a while after a"
                                        + " post is created, and for a deleted post")
                        .withRawResponse(Classifier.raw(result, secrets));
            }
            PublishOutcome.Failed failed = Classifier.classify(result, settings, now, secrets, true);
            failed = new PublishOutcome.Failed(
                    failed.kind(),
                    failed.code(),
                    Redaction.truncate(label + ": " + failed.safeMessage(), Fail.MESSAGE_LIMIT),
                    failed.retryAt(),
                    failed.rawResponse(),
                    Map.of());
            if (failed.kind() == FailureKind.UNKNOWN) {
                attempts.rememberUnanswered(request.scheduleId(), now);
                return failed.withCheckpoint(sent);
            }
            return failed;
        }
        if (settings.dryRun()) {
            return PublishOutcome.dryRun("POST " + call.url() + " not sent (" + label + "): " + Json.write(body));
        }
        String raw = Classifier.raw(result, secrets);
        Optional<String> urn = commentUrn(result);
        if (urn.isEmpty()) {
            attempts.rememberUnanswered(request.scheduleId(), now);
            return PublishOutcome.failed(
                            FailureKind.UNKNOWN,
                            "missing_comment_id",
                            label + ": LinkedIn answered HTTP " + result.status()
                                    + " without the comment's URN (commentUrn)")
                    .withRawResponse(raw)
                    .withCheckpoint(sent);
        }
        attempts.forget(request.scheduleId());
        LOG.debug("LinkedIn comment created: {}", urn.get());
        return PublishOutcome.published(urn.get(), LinkedInChannel.postUrl(postUrn))
                .withRawResponse(raw);
    }

    /** The created comment's URN: {@code commentUrn} of the answer, else a comment URN in {@code x-restli-id}. */
    private static Optional<String> commentUrn(HttpResult result) {
        JsonNode body = result.json();
        Optional<String> urn = Json.text(body, "/commentUrn")
                .or(() -> Json.text(body, "/$URN"))
                .map(String::strip)
                .filter(u -> COMMENT_URN.matcher(u).matches());
        if (urn.isPresent()) {
            return urn;
        }
        String header = result.headers().get("x-restli-id");
        if (header == null) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header.strip(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return COMMENT_URN.matcher(decoded).matches() ? Optional.of(decoded) : Optional.empty();
    }

    /**
     * Looks among the post's comments for the one an unanswered request may have created: by the call's author, with
     * exactly its text, made since the request was sent (less a clock skew; since the variant was last changed
     * when the send time is not known), not the comment of the part before it. Found: its URN. Not found after every
     * comment was read and the grace period is over: absent. A failed or partial read (LinkedIn refusing to list
     * comments, more comments than {@value #MAX_PAGES} pages, an unreadable answer): unknown.
     */
    LookupResult lookup(Call comment) {
        PublishRequest request = comment.request();
        FollowUpTarget target = comment.target();
        Instant now = comment.now();
        Optional<Instant> sentAt = sentAt(request);
        Instant since = sentAt.orElse(request.variant().updatedAt()).minus(CLOCK_SKEW);
        Optional<String> previous = target.index() == 0
                ? Optional.empty()
                : Optional.of(target.parent().externalId());
        return Lookups.guarded(() -> {
            Scan scan = scan(comment, since, previous);
            if (scan.found().isEmpty() && scan.complete()) {
                Duration left = Attempts.graceLeft(sentAt, now, settings.lookupGrace());
                if (!left.isZero()) {
                    sleeper.sleep(left);
                    scan = scan(comment, since, previous);
                }
            }
            if (scan.found().isPresent()) {
                attempts.forget(request.scheduleId());
                return new LookupResult.Found(
                        scan.found().get(), Optional.of(LinkedInChannel.postUrl(comment.postUrn())));
            }
            if (!scan.complete()) {
                return new LookupResult.Unknown(scan.why());
            }
            LOG.info(
                    "schedule {}: {} is not among the post's comments",
                    request.scheduleId(),
                    FollowUps.label(target, comment.postUrn()));
            attempts.forget(request.scheduleId());
            return new LookupResult.Absent();
        });
    }

    /** When the comment request went out: the checkpoint's entry, else what this publisher remembers. */
    private Optional<Instant> sentAt(PublishRequest request) {
        String value = request.checkpoint().get(SENT_AT_KEY);
        if (value != null) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.strip())));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                LOG.debug("unreadable {} in the checkpoint", SENT_AT_KEY);
            }
        }
        return attempts.unanswered(request.scheduleId());
    }

    /**
     * What reading the post's comments showed: the matching comment's URN, whether every comment was read, and
     * why not when it was not.
     */
    private record Scan(Optional<String> found, boolean complete, String why) {
        static Scan found(String urn) {
            return new Scan(Optional.of(urn), true, "");
        }

        static Scan absent() {
            return new Scan(Optional.empty(), true, "");
        }

        static Scan partial(String why) {
            return new Scan(Optional.empty(), false, why);
        }
    }

    private Scan scan(Call call, Instant since, Optional<String> previous) throws Fail, TransportFailure {
        for (int page = 0; page < MAX_PAGES; page++) {
            int start = page * PAGE_SIZE;
            HttpUrl url = comments(call.postUrn())
                    .addQueryParameter("start", Integer.toString(start))
                    .addQueryParameter("count", Integer.toString(PAGE_SIZE))
                    .build();
            HttpResult result = http.execute(
                    LinkedInPublisher.rest(settings, url, call.accessToken())
                            .get()
                            .build(),
                    false);
            if (!result.isSuccessful()) {
                PublishOutcome.Failed failed = Classifier.classify(result, settings, call.now(), call.secrets(), false);
                String hint = result.status() == 403
                        ? "; listing a member's comments needs LinkedIn's restricted r_member_social permission"
                        : "";
                return Scan.partial("LinkedIn did not list the post's comments: " + failed.safeMessage() + hint);
            }
            JsonNode answer = result.json();
            JsonNode elements = answer.path("elements");
            if (!elements.isArray()) {
                return Scan.partial(
                        "LinkedIn's list of the post's comments was unreadable (HTTP " + result.status() + ")");
            }
            for (JsonNode comment : elements) {
                if (!matches(comment, call.author(), call.text(), since)) {
                    continue;
                }
                Optional<String> urn = Json.text(comment, "/commentUrn")
                        .or(() -> Json.text(comment, "/$URN"))
                        .map(String::strip)
                        .filter(u -> COMMENT_URN.matcher(u).matches());
                if (urn.isEmpty()) {
                    return Scan.partial("a comment by the author with this text is on the post but LinkedIn did not"
                            + " give its URN");
                }
                if (previous.isPresent() && previous.get().equals(urn.get())) {
                    continue; // the part before this one: an earlier follow-up with the same text
                }
                return Scan.found(urn.get());
            }
            int read = elements.size();
            JsonNode total = answer.path("paging").path("total");
            if (total.isIntegralNumber() && total.canConvertToLong() && total.asLong() >= 0) {
                if ((long) start + read >= total.asLong()) {
                    return Scan.absent();
                }
                if (read == 0) {
                    return Scan.partial(
                            "LinkedIn reports " + total.asLong() + " comments but listed none from " + start);
                }
            } else if (read < PAGE_SIZE) {
                return Scan.absent();
            }
        }
        return Scan.partial(
                "the post has more than " + (MAX_PAGES * PAGE_SIZE) + " comments; the lookup does not read them all");
    }

    private static boolean matches(JsonNode comment, String author, String text, Instant since) {
        if (!Json.text(comment, "/actor").map(String::strip).orElse("").equals(author)) {
            return false;
        }
        JsonNode said = comment.at("/message/text");
        if (!said.isTextual()) {
            return false;
        }
        String value = said.asText();
        if (!value.equals(text) && !value.strip().equals(text.strip())) {
            return false;
        }
        Optional<Long> created = Json.number(comment, "/created/time");
        return created.isEmpty() || created.get() >= since.toEpochMilli();
    }

    /** {@code /rest/socialActions/{urn}/comments}, the URN percent-encoded as one path segment (colons included). */
    private HttpUrl.Builder comments(String postUrn) {
        return settings.apiBaseUrl()
                .newBuilder()
                .addPathSegments("rest/socialActions")
                .addEncodedPathSegment(URLEncoder.encode(postUrn, StandardCharsets.UTF_8))
                .addPathSegment("comments");
    }

    /** Forgets everything (the publisher closes). */
    void clear() {
        attempts.clear();
    }
}
