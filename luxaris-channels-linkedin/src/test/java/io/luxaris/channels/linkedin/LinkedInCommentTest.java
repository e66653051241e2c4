package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.PublishedPart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A variant's first comment: a COMMENT follow-up posted on its LinkedIn post through the Comments API (§2.7). */
class LinkedInCommentTest {
    private static final String COMMENTS = "POST /rest/socialActions/{urn}/comments";
    private static final String LIST = "GET /rest/socialActions/{urn}/comments";
    private static final String TEXT =
            "Slides (PDF): https://example.com/q3 — thanks @team_1 #q3 *all* ~of~ [you] \\o/";

    private FakeLinkedIn linkedIn;
    private Credentials credentials;
    private final List<Duration> slept = new ArrayList<>();
    private final PostVariant variant = Fixtures.variant("Q3 results are in");

    @BeforeEach
    void start() throws Exception {
        linkedIn = new FakeLinkedIn();
        linkedIn.clock(Fixtures.clock());
        credentials = linkedIn.credentials(Fixtures.NOW);
    }

    @AfterEach
    void stop() throws Exception {
        linkedIn.close();
    }

    private LinkedInChannel.Builder channel() {
        return linkedIn.channel().sleeper(slept::add);
    }

    private PublishOutcome publish(LinkedInChannel channel, PublishRequest request) {
        return Fixtures.publish(channel, request, new Fixtures.Context(credentials));
    }

    /** The variant's own post, published through the fake; its requests taken. */
    private PublishedPart post() throws Exception {
        PublishedPart root = ChannelFixtures.part(publish(channel().build(), Fixtures.request(variant)));
        linkedIn.takeAll();
        return root;
    }

    private static PublishRequest comment(PublishedPart root, String text) {
        return ChannelFixtures.followUp(variant(), Fixtures.member(), text, ChannelFixtures.comment(0, root, root));
    }

    private static PostVariant variant() {
        return Fixtures.variant("Q3 results are in");
    }

    private static String encoded(String urn) {
        return urn.replace(":", "%3A");
    }

    private PublishOutcome.Failed failed(PublishOutcome outcome) {
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        PublishOutcome.Failed f = (PublishOutcome.Failed) outcome;
        String token = credentials.accessToken().orElseThrow();
        assertThat(f.safeMessage()).doesNotContain(token);
        assertThat(f.rawResponse().orElse("")).doesNotContain(token);
        return f;
    }

    private LookupResult lookup(LinkedInChannel channel, PublishRequest request) {
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            return publisher.lookup(request, new Fixtures.Context(credentials));
        }
    }

    @Test
    void lookup_isOfferedForAComment_notForAPost() {
        var root = new PublishedPart("urn:li:share:7262000000000000001", Map.of());
        try (ChannelPublisher publisher = channel().build().createPublisher(Fixtures.environment())) {
            assertThat(publisher.supportsLookup(comment(root, "Deck inside"))).isTrue();
            assertThat(publisher.supportsLookup(Fixtures.request(variant())))
                    .as("LinkedIn offers apps no way to look a post up")
                    .isFalse();
        }
    }

    @Test
    void descriptor_declaresCommentsOnly() {
        assertThat(new LinkedInChannel().descriptor().followUps()).containsExactly(FollowUpKind.COMMENT);
    }

    @Test
    void comment_isPostedOnThePost_urnEncodedInThePath_asTheAuthor_withItsTextAsWritten() throws Exception {
        PublishedPart root = post();

        PublishOutcome outcome = publish(channel().build(), comment(root, TEXT));

        RecordedRequest sent = linkedIn.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath())
                .isEqualTo("/rest/socialActions/" + encoded(root.externalId()) + "/comments");
        assertThat(sent.getHeaders().get("LinkedIn-Version")).isEqualTo(LinkedInChannel.DEFAULT_VERSION);
        assertThat(sent.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        assertThat(sent.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + credentials.accessToken().orElseThrow());
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = FakeLinkedIn.json(sent);
        assertThat(body.toString())
                .isEqualTo("{\"actor\":\"" + FakeLinkedIn.AUTHOR + "\",\"object\":\"" + root.externalId()
                        + "\",\"message\":{\"text\":"
                        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(TEXT) + "}}");
        assertThat(linkedIn.takeAll()).isEmpty();

        FakeLinkedIn.Comment created = linkedIn.comments().get(0);
        assertThat(created.text()).isEqualTo(TEXT); // plain text: no little-text escaping
        assertThat(created.post()).isEqualTo(root.externalId());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(created.urn()).startsWith("urn:li:comment:(urn:li:activity:");
            assertThat(p.url()).contains(LinkedInChannel.postUrl(root.externalId()));
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .contains("HTTP 201")
                    .contains(created.urn())
                    .doesNotContain(credentials.accessToken().orElseThrow()));
        });
    }

    @Test
    void anOrganizationPost_isCommentedOnAsTheOrganization() throws Exception {
        var organization = Fixtures.connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.ORGANIZATION));
        PublishedPart root = ChannelFixtures.part(publish(channel().build(), Fixtures.request(variant, organization)));
        linkedIn.takeAll();

        PublishOutcome outcome = publish(
                channel().build(),
                ChannelFixtures.followUp(
                        variant, organization, "From the team", ChannelFixtures.comment(0, root, root)));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeLinkedIn.json(linkedIn.take()).path("actor").asText()).isEqualTo(FakeLinkedIn.ORGANIZATION);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(FakeLinkedIn.expiredToken(), FailureKind.AUTH_EXPIRED, "linkedin_token_expired"),
                Arguments.of(FakeLinkedIn.revokedToken(), FailureKind.AUTH_REVOKED, "linkedin_token_revoked"),
                answered(
                        429,
                        "{ \"status\": 429, \"message\": \"Comment create throttled: creation rate limit exceeded"
                                + " for member\" }",
                        FailureKind.RATE_LIMITED,
                        "throttled"),
                Arguments.of(FakeLinkedIn.dailyThrottle(), FailureKind.RATE_LIMITED, "daily_limit"),
                Arguments.of(FakeLinkedIn.accessDenied(), FailureKind.REJECTED, "access_denied"),
                answered(
                        403,
                        "{ \"status\": 403, \"message\": \"Unpermitted fields present in REQUEST_BODY: Data"
                                + " Processing Exception while processing fields [/content]\" }",
                        FailureKind.REJECTED,
                        "http_403"),
                answered(
                        400,
                        "{ \"status\": 400, \"message\": \"Invalid comment\" }",
                        FailureKind.REJECTED,
                        "bad_request"),
                answered(
                        404,
                        "{ \"status\": 404, \"code\": \"NOT_FOUND\", \"message\": \"Not Found\" }",
                        FailureKind.RETRYABLE,
                        "post_not_found"),
                Arguments.of(FakeLinkedIn.serverError(500), FailureKind.RETRYABLE, "http_500"),
                Arguments.of(FakeLinkedIn.serverError(503), FailureKind.RETRYABLE, "http_503"),
                Arguments.of(FakeLinkedIn.serverError(504), FailureKind.UNKNOWN, "http_504"));
    }

    /** LinkedIn answering {@code status} with the JSON {@code body}, classified as {@code kind} and {@code code}. */
    private static Arguments answered(int status, String body, FailureKind kind, String code) {
        return Arguments.of(FakeLinkedIn.json(status, body), kind, code);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusals_areClassifiedLikeThePostCall_namingTheFollowUp(MockResponse answer, FailureKind kind, String code)
            throws Exception {
        PublishedPart root = post();
        linkedIn.script(COMMENTS, answer);

        PublishOutcome.Failed f = failed(publish(channel().build(), comment(root, "A first comment")));

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.safeMessage()).startsWith("follow-up 1 (a comment on " + root.externalId() + ")");
        if (kind == FailureKind.RATE_LIMITED) {
            assertThat(f.retryAt()).hasValueSatisfying(at -> assertThat(at).isAfter(Fixtures.NOW));
        }
        if (kind == FailureKind.UNKNOWN) {
            assertThat(f.checkpoint())
                    .containsEntry("linkedin.comment.sent_at", Long.toString(Fixtures.NOW.toEpochMilli()));
        } else {
            assertThat(f.checkpoint()).isEmpty();
        }
        assertThat(linkedIn.comments()).isEmpty();
    }

    @Test
    void aCommentOverTheLimit_orBlank_isRejectedBeforeAnyRequest() throws Exception {
        PublishedPart root = post();
        String longest = "é".repeat(LinkedInChannel.MAX_COMMENTARY_LENGTH);

        assertThat(failed(publish(channel().build(), comment(root, longest + "!")))
                        .code())
                .isEqualTo("content_length");
        assertThat(failed(publish(channel().build(), comment(root, " \n "))).code())
                .isEqualTo("empty_comment");
        assertThat(linkedIn.takeAll()).isEmpty();

        // reserved characters are not escaped, so they do not count twice: the longest comment goes through
        assertThat(publish(channel().build(), comment(root, "(" + longest.substring(1))))
                .isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void aRootThatIsNotAPostUrn_isRejected() {
        var root = new PublishedPart("urn:li:share:1/../../oauth", Map.of());
        PublishOutcome.Failed f = failed(publish(channel().build(), comment(root, "hi")));
        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("invalid_post_urn");
    }

    @Test
    void timeoutAfterLinkedInAcceptedIt_isUnknown_andTheLookupFindsTheComment_notLookalikes() throws Exception {
        PublishedPart root = post();
        // an older identical comment of the author's and a newer one by someone else: neither is this attempt's
        linkedIn.addComment(
                root.externalId(),
                FakeLinkedIn.AUTHOR,
                "Deck: https://example.com/q3",
                Fixtures.NOW.minus(Duration.ofHours(2)));
        linkedIn.addComment(
                root.externalId(), "urn:li:person:someoneElse", "Deck: https://example.com/q3", Fixtures.NOW);
        linkedIn.stallCommentAnswers(1);
        LinkedInChannel channel = channel().readTimeout(Duration.ofSeconds(1)).build();
        PublishRequest request = comment(root, "Deck: https://example.com/q3");

        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            var context = new Fixtures.Context(credentials);
            PublishOutcome.Failed f = failed(publisher.publish(request, context));
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.code()).isEqualTo("timeout");
            assertThat(f.safeMessage()).contains("the comment may have been created");
            FakeLinkedIn.Comment accepted = linkedIn.comments().get(2);
            linkedIn.takeAll();

            // as the engine does right away: the same request, the same publisher
            LookupResult found = publisher.lookup(request, context);

            assertThat(found)
                    .isEqualTo(new LookupResult.Found(
                            accepted.urn(), java.util.Optional.of(LinkedInChannel.postUrl(root.externalId()))));
            RecordedRequest read = linkedIn.take();
            assertThat(FakeLinkedIn.route(read)).isEqualTo(LIST);
            assertThat(read.getUrl().encodedPath())
                    .isEqualTo("/rest/socialActions/" + encoded(root.externalId()) + "/comments");
            assertThat(read.getUrl().queryParameter("start")).isEqualTo("0");
            assertThat(read.getUrl().queryParameter("count")).isEqualTo("100");
            assertThat(read.getHeaders().get("LinkedIn-Version")).isEqualTo(LinkedInChannel.DEFAULT_VERSION);
            assertThat(read.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
            assertThat(slept).isEmpty();

            // later, on another instance: the checkpoint the engine kept says when it was sent
            assertThat(lookup(channel, ChannelFixtures.retry(request, f.checkpoint())))
                    .isInstanceOfSatisfying(LookupResult.Found.class, r -> assertThat(r.externalId())
                            .isEqualTo(accepted.urn()));
        }
        assertThat(linkedIn.comments()).hasSize(3);
    }

    @Test
    void lookup_findsTheCommentOnALaterPage() throws Exception {
        PublishedPart root = post();
        String ours = linkedIn.addComment(root.externalId(), FakeLinkedIn.AUTHOR, "Deck inside", Fixtures.NOW);
        for (int i = 0; i < 150; i++) {
            linkedIn.addComment(root.externalId(), "urn:li:person:fan" + i, "Great " + i, Fixtures.NOW);
        }
        PublishRequest request = ChannelFixtures.retry(
                comment(root, "Deck inside"),
                Map.of("linkedin.comment.sent_at", Long.toString(Fixtures.NOW.toEpochMilli())));

        assertThat(lookup(channel().build(), request))
                .isInstanceOfSatisfying(LookupResult.Found.class, r -> assertThat(r.externalId())
                        .isEqualTo(ours));
        assertThat(linkedIn.takeAll())
                .extracting(r -> r.getUrl().queryParameter("start"))
                .containsExactly("0", "100");
    }

    @Test
    void lookup_isAbsent_whenEveryCommentWasReadAndTheGracePeriodIsOver() throws Exception {
        PublishedPart root = post();
        linkedIn.addComment(root.externalId(), "urn:li:person:fan", "Deck inside", Fixtures.NOW);
        PublishRequest request = ChannelFixtures.retry(
                comment(root, "Deck inside"),
                Map.of(
                        "linkedin.comment.sent_at",
                        Long.toString(Fixtures.NOW.minusSeconds(60).toEpochMilli())));

        assertThat(lookup(channel().build(), request)).isInstanceOf(LookupResult.Absent.class);
        assertThat(slept).isEmpty();
        assertThat(linkedIn.takeAll()).hasSize(1);
    }

    @Test
    void lookup_rightAfterTheRequest_waitsTheGracePeriod_andLooksAgain_beforeCallingItAbsent() throws Exception {
        PublishedPart root = post();
        PublishRequest request = ChannelFixtures.retry(
                comment(root, "Deck inside"),
                Map.of(
                        "linkedin.comment.sent_at",
                        Long.toString(Fixtures.NOW.minusSeconds(2).toEpochMilli())));

        assertThat(lookup(channel().lookupGrace(Duration.ofSeconds(5)).build(), request))
                .isInstanceOf(LookupResult.Absent.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
        assertThat(linkedIn.takeAll()).extracting(FakeLinkedIn::route).containsExactly(LIST, LIST);
    }

    @Test
    void lookup_ofAPost_staysUnknown() {
        assertThat(lookup(channel().build(), Fixtures.request(variant))).isInstanceOf(LookupResult.Unknown.class);
    }

    static Stream<Arguments> unreadableLists() {
        return Stream.of(
                Arguments.of(FakeLinkedIn.accessDenied(), "r_member_social"),
                Arguments.of(FakeLinkedIn.serverError(500), "HTTP 500"),
                Arguments.of(FakeLinkedIn.json(200, "<html>maintenance</html>"), "unreadable"),
                Arguments.of(FakeLinkedIn.json(200, "{ \"elements\": { \"0\": \"x\" } }"), "unreadable"),
                Arguments.of(
                        FakeLinkedIn.json(200, "{ \"paging\": { \"total\": 5 }, \"elements\": [] }"), "listed none"),
                Arguments.of(
                        FakeLinkedIn.json(
                                200,
                                "{ \"elements\": [ { \"actor\": \"" + FakeLinkedIn.AUTHOR
                                        + "\", \"message\": { \"text\": \"Deck inside\" },"
                                        + " \"commentUrn\": \"urn:li:comment:(x y,1); DROP\" } ] }"),
                        "did not give its URN"),
                Arguments.of(
                        FakeLinkedIn.json(200, "{ \"elements\": [ " + "\"x\", ".repeat(40_000) + "1 ] }"),
                        "larger than"));
    }

    @ParameterizedTest
    @MethodSource("unreadableLists")
    void lookup_isUnknown_whenTheCommentsCannotAllBeRead(MockResponse answer, String why) throws Exception {
        PublishedPart root = post();
        linkedIn.script(LIST, answer);
        PublishRequest request = ChannelFixtures.retry(
                comment(root, "Deck inside"),
                Map.of(
                        "linkedin.comment.sent_at",
                        Long.toString(Fixtures.NOW.minusSeconds(60).toEpochMilli())));

        assertThat(lookup(channel().maxResponseBytes(64 * 1024).build(), request))
                .isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                        .contains(why)
                        .doesNotContain(credentials.accessToken().orElseThrow()));
    }

    @Test
    void lookup_ofAPostWithMoreCommentsThanItReads_isUnknown() throws Exception {
        PublishedPart root = post();
        for (int i = 0; i < 1001; i++) {
            linkedIn.addComment(root.externalId(), "urn:li:person:fan" + i, "Great " + i, Fixtures.NOW);
        }
        PublishRequest request = ChannelFixtures.retry(
                comment(root, "Deck inside"),
                Map.of(
                        "linkedin.comment.sent_at",
                        Long.toString(Fixtures.NOW.minusSeconds(60).toEpochMilli())));

        assertThat(lookup(channel().build(), request))
                .isInstanceOfSatisfying(
                        LookupResult.Unknown.class, u -> assertThat(u.reason()).contains("more than 1000 comments"));
    }

    @Test
    void aSecondCommentWithTheSameText_isNotTakenForTheFirst() throws Exception {
        PublishedPart root = post();
        PublishedPart first = ChannelFixtures.part(publish(channel().build(), comment(root, "Same")));
        linkedIn.takeAll();
        FollowUpTarget second = ChannelFixtures.comment(1, root, first);
        PublishRequest request = ChannelFixtures.retry(
                ChannelFixtures.followUp(variant, Fixtures.member(), "Same", second),
                Map.of(
                        "linkedin.comment.sent_at",
                        Long.toString(Fixtures.NOW.minusSeconds(60).toEpochMilli())));

        assertThat(lookup(channel().build(), request)).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void hostileCreateAnswers_leaveTheCommentUnknown_forTheLookup() throws Exception {
        PublishedPart root = post();
        linkedIn.script(
                COMMENTS,
                FakeLinkedIn.json(
                        201, "{ \"commentUrn\": \"javascript:alert(1)\", \"id\": \"" + "9".repeat(500) + "\" }"),
                FakeLinkedIn.json(201, "x".repeat(200_000)));
        LinkedInChannel channel = channel().maxResponseBytes(64 * 1024).build();

        PublishOutcome.Failed noUrn = failed(publish(channel, comment(root, "hi")));
        PublishOutcome.Failed tooLarge = failed(publish(channel, comment(root, "hi")));

        assertThat(noUrn.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(noUrn.code()).isEqualTo("missing_comment_id");
        assertThat(noUrn.checkpoint()).containsKey("linkedin.comment.sent_at");
        assertThat(tooLarge.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(tooLarge.code()).isEqualTo("response_too_large");
        assertThat(tooLarge.checkpoint()).containsKey("linkedin.comment.sent_at");
    }

    @Test
    void dryRun_previewsTheComment_andSendsNothing() throws Exception {
        var previews = new ArrayList<LinkedInRequestPreview>();
        var root = new PublishedPart("urn:li:share:7262000000000000001", Map.of());

        PublishOutcome outcome = publish(channel().dryRun(previews::add).build(), comment(root, "Deck inside"));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                .contains("/rest/socialActions/urn%3Ali%3Ashare%3A7262000000000000001/comments")
                .contains("a comment on urn:li:share:7262000000000000001")
                .contains("\"text\":\"Deck inside\"")
                .doesNotContain(credentials.accessToken().orElseThrow()));
        assertThat(previews).singleElement().satisfies(p -> assertThat(p.method())
                .isEqualTo("POST"));
        assertThat(linkedIn.takeAll()).isEmpty();
        try (ChannelPublisher dry = channel().dryRun().build().createPublisher(Fixtures.environment())) {
            assertThat(dry.supportsLookup()).isFalse();
        }
    }
}
