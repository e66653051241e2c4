package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class XOAuth1Test {
    // the documented signature test vector (docs/platforms/x.md §1.7)
    private static final String CONSUMER_KEY = "xvz1evFS4wEEPTGEFPHBog";
    private static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    private static final String TOKEN = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    private static final String TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    private static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    private static final long TIMESTAMP = 1318622958L;
    private static final String STATUS = "Hello Ladies + Gentlemen, a signed OAuth request!";
    private static final String BASE_STRING = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&"
            + "include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3D"
            + "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D"
            + "1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0"
            + "%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521";

    @Test
    void signature_ofTheDocumentedBaseString_matchesTheDocumentedValue() {
        assertThat(XOAuth1.signature(BASE_STRING, CONSUMER_SECRET, TOKEN_SECRET))
                .isEqualTo("Ls93hJiZbQ3akF3HF3x1Bz8/zU4=");
    }

    @Test
    void baseString_builtFromTheRequest_isTheDocumentedOne() {
        List<Map.Entry<String, String>> parameters = List.of(
                Map.entry("status", STATUS),
                Map.entry("include_entities", "true"),
                Map.entry("oauth_consumer_key", CONSUMER_KEY),
                Map.entry("oauth_nonce", NONCE),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", Long.toString(TIMESTAMP)),
                Map.entry("oauth_token", TOKEN),
                Map.entry("oauth_version", "1.0"));

        assertThat(XOAuth1.signatureBaseString(
                        "post", "https://API.X.com:443/1.1/statuses/update.json?include_entities=true", parameters))
                .isEqualTo(BASE_STRING);
    }

    @Test
    void authorizationHeader_forTheDocumentedRequest_carriesTheDocumentedSignature() {
        String header = XOAuth1.of(CONSUMER_KEY, CONSUMER_SECRET)
                .authorizationHeader(
                        "POST",
                        "https://api.x.com/1.1/statuses/update.json?include_entities=true",
                        Map.of("status", STATUS),
                        TOKEN,
                        TOKEN_SECRET,
                        NONCE,
                        TIMESTAMP);

        assertThat(header)
                .isEqualTo("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"" + NONCE + "\","
                        + " oauth_signature=\"Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D\", oauth_signature_method=\"HMAC-SHA1\","
                        + " oauth_timestamp=\"1318622958\", oauth_token=\"" + TOKEN + "\", oauth_version=\"1.0\"");
    }

    @Test
    void theSameRequestToTheOldHost_hasTheDocumentedOtherSignature() {
        String header = XOAuth1.of(CONSUMER_KEY, CONSUMER_SECRET)
                .authorizationHeader(
                        "POST",
                        "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
                        Map.of("status", STATUS),
                        TOKEN,
                        TOKEN_SECRET,
                        NONCE,
                        TIMESTAMP);

        assertThat(header).contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"");
    }

    @Test
    void percentEncoding_followsRfc3986() {
        assertThat(XOAuth1.percentEncode("Ladies + Gentlemen, 日本~._-!*'()"))
                .isEqualTo("Ladies%20%2B%20Gentlemen%2C%20%E6%97%A5%E6%9C%AC~._-%21%2A%27%28%29");
    }

    @Test
    void signerToString_showsNoKey() {
        assertThat(XOAuth1.of(CONSUMER_KEY, CONSUMER_SECRET).toString())
                .doesNotContain(CONSUMER_KEY)
                .doesNotContain(CONSUMER_SECRET);
    }

    @Test
    void publisherWithOAuth1Credentials_signsEachRequest_withTheQueryButNotTheJsonBody() throws Exception {
        try (FakeX fake = new FakeX();
                ChannelPublisher publisher = Fixtures.channel(fake)
                        .oauth1Consumer(CONSUMER_KEY, CONSUMER_SECRET)
                        .build()
                        .createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant("Signed post")),
                    new Fixtures.Context(XCredentials.oauth1(TOKEN, TOKEN_SECRET)));

            assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
            RecordedRequest post = fake.take();
            RecordedRequest me = fake.take();
            for (RecordedRequest request : List.of(post, me)) {
                Map<String, String> oauth = parse(request.getHeaders().get("Authorization"));
                assertThat(oauth)
                        .containsEntry("oauth_consumer_key", CONSUMER_KEY)
                        .containsEntry("oauth_token", TOKEN)
                        .containsEntry("oauth_signature_method", "HMAC-SHA1")
                        .containsEntry("oauth_version", "1.0");
                var parameters = new ArrayList<Map.Entry<String, String>>();
                oauth.forEach((k, v) -> {
                    if (!k.equals("oauth_signature")) {
                        parameters.add(Map.entry(k, v));
                    }
                });
                for (String name : request.getUrl().queryParameterNames()) {
                    parameters.add(Map.entry(name, request.getUrl().queryParameter(name)));
                }
                String base = XOAuth1.signatureBaseString(
                        request.getMethod(), request.getUrl().toString(), parameters);
                assertThat(oauth.get("oauth_signature"))
                        .isEqualTo(XOAuth1.signature(base, CONSUMER_SECRET, TOKEN_SECRET));
            }
            assertThat(publisher.refresh(new Fixtures.Context(XCredentials.oauth1(TOKEN, TOKEN_SECRET))))
                    .isInstanceOf(RefreshResult.Unsupported.class);
        }
    }

    @Test
    void consumerKeysStoredWithTheConnection_areUsedWhenTheChannelHasNone() throws Exception {
        try (FakeX fake = new FakeX();
                ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            publisher.publish(
                    Fixtures.request(Fixtures.variant("Signed")),
                    new Fixtures.Context(XCredentials.oauth1(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET)));

            assertThat(parse(fake.take().getHeaders().get("Authorization")))
                    .containsEntry("oauth_consumer_key", CONSUMER_KEY);
        }
    }

    @Test
    void oauth1WithoutConsumerKeys_isRejectedAsMisconfigured_withoutCallingX() throws Exception {
        try (FakeX fake = new FakeX();
                ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant("Unsigned")),
                    new Fixtures.Context(XCredentials.oauth1(TOKEN, TOKEN_SECRET)));

            Outcomes.failed(outcome, FailureKind.REJECTED, "oauth1_not_configured");
            assertThat(fake.requestCount()).isZero();
        }
    }

    @Test
    void timestampComesFromTheClock() {
        var clock = java.time.Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), java.time.ZoneOffset.UTC);
        String header = XOAuth1.of(CONSUMER_KEY, CONSUMER_SECRET, clock)
                .authorizationHeader("GET", "https://api.x.com/2/users/me", Map.of(), TOKEN, TOKEN_SECRET);

        assertThat(parse(header)).containsEntry("oauth_timestamp", "1700000000");
        assertThat(parse(header).get("oauth_nonce")).matches("[A-Za-z0-9]{16,}");
    }

    private static Map<String, String> parse(String header) {
        assertThat(header).startsWith("OAuth ");
        var map = new LinkedHashMap<String, String>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        while (m.find()) {
            map.put(m.group(1), java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8));
        }
        return map;
    }
}
