package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Reconciling an unknown outcome: the account's recent statuses are searched for the one this attempt sent. */
class MastodonLookupTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    private LookupResult lookup(MastodonChannel channel, PublishRequest request, Fixtures.Context context) {
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            return publisher.lookup(request, context);
        }
    }

    private LookupResult lookup(PublishRequest request) {
        return lookup(Fixtures.channel().build(), request, new Fixtures.Context(fake.credentials()));
    }

    @Test
    void aStatusWhoseAnswerNeverCame_isUnknown_andTheLookupFindsIt() throws Exception {
        fake.hangNextStatus(Duration.ofSeconds(4), true);
        MastodonChannel channel =
                Fixtures.channel().callTimeout(Duration.ofSeconds(1)).build();
        PublishRequest request = Fixtures.request(Fixtures.variant("Did it arrive?"), Fixtures.connection(fake));
        var context = new Fixtures.Context(fake.credentials());
        var attempted = Fixtures.publishThenLookUp(channel, request, context);
        PublishOutcome outcome = attempted.outcome();
        LookupResult found = attempted.found();

        Outcomes.failed(outcome, FailureKind.UNKNOWN, "timeout_after_send");
        String id = fake.statuses().get(0).path("id").asText();
        String url = "https://mastodon.example/@alice/" + id;
        assertThat(found)
                .isEqualTo(new LookupResult.Found(
                        id, java.util.Optional.of(url), java.util.Map.of("mastodon.part.0", id, "mastodon.url", url)));
        RecordedRequest read = fake.takeAll().stream()
                .filter(r -> FakeMastodon.route(r).equals("GET /api/v1/accounts/{id}/statuses"))
                .findFirst()
                .orElseThrow();
        assertThat(read.getUrl().encodedPath()).isEqualTo("/api/v1/accounts/" + FakeMastodon.ACCOUNT_ID + "/statuses");
        assertThat(read.getUrl().queryParameter("limit")).isEqualTo("40");
        assertThat(read.getUrl().queryParameter("exclude_reblogs")).isEqualTo("true");
        assertThat(read.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
    }

    @Test
    void aStatusThatIsNotThere_isAbsent() {
        fake.addStatus("Something else entirely", "", null, "public", Instant.now());

        assertThat(lookup(Fixtures.request(Fixtures.variant("Never sent"), Fixtures.connection(fake))))
                .isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void withinTheGracePeriod_theLookupWaitsAndLooksAgain_throughTheSleeper() {
        var clock = SettableClock.at(Instant.now());
        fake.hangNextStatus(Duration.ofSeconds(4), false);
        PostVariant variant = Fixtures.variant("Slow instance");
        MastodonChannel channel = Fixtures.channel()
                .callTimeout(Duration.ofSeconds(1))
                .lookupGrace(Duration.ofSeconds(5))
                .sleeper(d -> {
                    slept.add(d);
                    // meanwhile the instance finished creating it
                    fake.addStatus("Slow instance", "", null, "public", Instant.now());
                })
                .build();
        PublishRequest request = Fixtures.request(variant, Fixtures.connection(fake));
        var context = new Fixtures.Context(fake.credentials(), clock, Fixtures.LIBRARY);
        LookupResult found;
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment(Fixtures.LIBRARY, clock))) {
            assertThat(publisher.publish(request, context)).isInstanceOf(PublishOutcome.Failed.class);
            found = publisher.lookup(request, context);
        }

        assertThat(slept).containsExactly(Duration.ofSeconds(5));
        assertThat(found).isInstanceOf(LookupResult.Found.class);
    }

    @Test
    void theTextIsMatchedThroughMastodonsHtml_linksEntitiesBreaksAndRemoteMentions() {
        var status = fake.addStatus("placeholder", "", null, "public", Instant.now());
        status.put(
                "content",
                "<p>Fish &amp; chips with <span class=\"h-card\"><a href=\"https://example.org/@bob\" class=\"u-url"
                        + " mention\">@<span>bob</span></a></span><br />menu: <a href=\"https://example.com/menu\""
                        + " rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span><span"
                        + " class=\"\">example.com/menu</span><span class=\"invisible\"></span></a></p><p>&#39;Tonight&#39;"
                        + " &lt;3</p>");
        PostVariant variant = Fixtures.variant(
                "Fish & chips with @bob@example.org\nmenu: https://example.com/menu\n\n" + "'Tonight' <3");

        LookupResult result = lookup(Fixtures.request(variant, Fixtures.connection(fake)));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(status.path("id").asText()));
    }

    @Test
    void aStatusWithAnotherContentWarning_orFromBeforeTheVariant_isNotTheOne() {
        fake.addStatus("Same words", "other warning", null, "public", Instant.now());
        fake.addStatus("Same words", "", null, "public", Instant.now().minus(Duration.ofDays(3)));

        assertThat(lookup(Fixtures.request(Fixtures.variant("Same words"), Fixtures.connection(fake))))
                .isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void aThread_isFoundPartByPart_followingItsReplies() {
        String one = fake.addStatus("Part 1", "", null, "public", Instant.now())
                .path("id")
                .asText();
        String two = fake.addStatus("Part 2", "", one, "unlisted", Instant.now())
                .path("id")
                .asText();
        fake.addStatus("Part 2", "", null, "public", Instant.now()); // same words, not a reply: not the one
        fake.addStatus("Part 3", "", two, "unlisted", Instant.now());

        LookupResult result = lookup(Fixtures.request(
                Fixtures.variant("Part 1", List.of("Part 2", "Part 3"), List.of()), Fixtures.connection(fake)));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(one);
            assertThat(f.url()).contains("https://mastodon.example/@alice/" + one);
        });
    }

    @Test
    void aThreadOnlyPartlyOnTheInstance_staysUnknown() {
        fake.addStatus("Part 1", "", null, "public", Instant.now());

        LookupResult result = lookup(
                Fixtures.request(Fixtures.variant("Part 1", List.of("Part 2"), List.of()), Fixtures.connection(fake)));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("part 2 is not"));
    }

    @Test
    void anUnknownAccountId_isReadOnce_andKeptOnTheConnection() throws Exception {
        fake.addStatus("Who am I", "", null, "public", Instant.now());
        var context = new Fixtures.Context(fake.credentials());
        var properties = Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, fake.url());

        LookupResult result = lookup(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("Who am I"), Fixtures.connection(properties)),
                context);

        assertThat(result).isInstanceOf(LookupResult.Found.class);
        assertThat(context.properties())
                .containsEntry(MastodonChannel.PROPERTY_ACCOUNT_ID, FakeMastodon.ACCOUNT_ID)
                .containsEntry(MastodonChannel.PROPERTY_USERNAME, FakeMastodon.USERNAME);
        assertThat(fake.takeApiCalls())
                .extracting(FakeMastodon::route)
                .containsExactly("GET /api/v1/accounts/verify_credentials", "GET /api/v1/accounts/{id}/statuses");
    }

    @Test
    void aTokenWithoutReadScope_looksAtPublicStatuses_withoutSendingIt() throws Exception {
        var credentials = fake.credentials("write-only-token", "write:statuses write:media profile");
        fake.addStatus("Public hello", "", null, "public", Instant.now());

        LookupResult result = lookup(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("Public hello"), Fixtures.connection(fake)),
                new Fixtures.Context(credentials));

        assertThat(result).isInstanceOf(LookupResult.Found.class);
        RecordedRequest read = fake.take();
        assertThat(FakeMastodon.route(read)).isEqualTo("GET /api/v1/accounts/{id}/statuses");
        assertThat(read.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aFollowersOnlyStatusThatCannotBeSeen_isNeverDeclaredAbsent() {
        var credentials = fake.credentials("write-only-token", "write:statuses write:media profile");
        fake.addStatus("Followers only", "", null, "private", Instant.now());
        var variant = Fixtures.variant(
                "Followers only",
                List.of(),
                List.of(),
                MastodonPostOptions.defaults()
                        .withVisibility(MastodonPostOptions.Visibility.PRIVATE)
                        .toMetadata());

        LookupResult result = lookup(
                Fixtures.channel().build(),
                Fixtures.request(variant, Fixtures.connection(fake)),
                new Fixtures.Context(credentials));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("read:statuses"));
    }

    @Test
    void aFailedRead_leavesTheOutcomeUnknown() {
        fake.script("GET /api/v1/accounts/{id}/statuses", FakeMastodon.error(500, "boom"));

        assertThat(lookup(Fixtures.request(Fixtures.variant("Anything"), Fixtures.connection(fake))))
                .isInstanceOf(LookupResult.Unknown.class);
    }

    @Test
    void aStatusListThatIsNoList_isNoProofOfAbsence() {
        fake.script("GET /api/v1/accounts/{id}/statuses", FakeMastodon.json(200, "{\"error\":\"maintenance\"}"));

        assertThat(lookup(Fixtures.request(Fixtures.variant("Anything"), Fixtures.connection(fake))))
                .isInstanceOf(LookupResult.Unknown.class);
    }

    @Test
    void aDryRunChannel_offersNoLookup() {
        try (ChannelPublisher publisher =
                MastodonChannel.builder().dryRun().build().createPublisher(Fixtures.environment())) {
            assertThat(publisher.supportsLookup()).isFalse();
        }
        try (ChannelPublisher publisher = Fixtures.channel().build().createPublisher(Fixtures.environment())) {
            assertThat(publisher.supportsLookup()).isTrue();
        }
    }
}
