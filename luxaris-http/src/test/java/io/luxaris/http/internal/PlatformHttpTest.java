package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.luxaris.http.testing.PlatformFaults;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformHttpTest {
    private static final MediaType JSON = MediaType.get("application/json");

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private PlatformHttp http;

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        elsewhere.start();
        http = new PlatformHttp(
                "Example",
                HttpSettings.defaults().withReadTimeout(Duration.ofSeconds(5)).withCallTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
        elsewhere.close();
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/v1/things?access_token=secret-in-query"))
                .post(RequestBody.create("{\"a\":1}", JSON))
                .build();
    }

    @Test
    void theClientFactory_neverFollowsRedirects_andAlwaysHasACallTimeout() {
        OkHttpClient shared = new OkHttpClient.Builder().followRedirects(true).build();

        OkHttpClient own = PlatformHttp.client(HttpSettings.defaults());
        OkHttpClient derived = PlatformHttp.client(HttpSettings.defaults().withSharedClient(shared));

        for (OkHttpClient client : List.of(own, derived)) {
            assertThat(client.followRedirects()).isFalse();
            assertThat(client.followSslRedirects()).isFalse();
            assertThat(client.callTimeoutMillis()).isEqualTo(60_000);
        }
        assertThat(own.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(own.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(PlatformHttp.client(HttpSettings.defaults().withCallTimeout(Duration.ofSeconds(5)))
                        .callTimeoutMillis())
                .isEqualTo(5_000);
    }

    @Test
    void anAnswer_isReadWhole_whenItFitsTheCap() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .setHeader("x-restli-id", "urn:li:share:1")
                .body("{\"id\":\"1\"}")
                .build());

        HttpResult result = http.execute(post(), true);

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.path()).isEqualTo("/v1/things");
        assertThat(result.truncated()).isFalse();
        assertThat(Json.text(result.json(), "/id")).hasValue("1");
        assertThat(result.headers().get("x-restli-id")).isEqualTo("urn:li:share:1");
    }

    @Test
    void aConnectionRefused_beforeAnythingWasSent_isNotSent() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Request request = post().newBuilder()
                .url("http://127.0.0.1:" + closedPort + "/v1/things")
                .build();

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> http.execute(request, true));

        assertThat(failure.sent()).isFalse();
        assertThat(failure.answered()).isFalse();
        assertThat(failure.code()).isEqualTo(TransportFailure.CONNECT_FAILED);
        assertThat(failure.getMessage()).isEqualTo("could not connect to Example (ConnectException)");
    }

    @Test
    void aServerThatStalls_afterTheRequestArrived_endsAsSentWithoutAnswer() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> http.execute(post(), true));

        assertThat(failure.sent())
                .as("%s: %s", failure.code(), failure.getCause())
                .isTrue();
        assertThat(failure.answered()).isFalse();
        assertThat(failure.code()).isEqualTo(TransportFailure.TIMEOUT);
    }

    @Test
    void aBodyTrickledByteByByte_endsAtTheCallTimeout_asSentWithoutAnswer() {
        server.enqueue(PlatformFaults.trickling(201));

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> http.execute(post(), true));

        assertThat(failure.sent()).isTrue();
        assertThat(failure.code()).isEqualTo(TransportFailure.TIMEOUT);
    }

    @Test
    void aRedirect_isNotFollowed_andFailsNamingOnlyTheTargetHost() {
        elsewhere.enqueue(new MockResponse.Builder().code(201).body("{}").build());
        server.enqueue(PlatformFaults.redirect(307, elsewhere.url("/steal?access_token=abc")));

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> http.execute(post(), true));

        assertThat(failure.code()).isEqualTo(TransportFailure.UNEXPECTED_REDIRECT);
        assertThat(failure.sent()).isTrue();
        assertThat(failure.answered()).isTrue();
        assertThat(failure.status()).isEqualTo(307);
        assertThat(failure.getMessage())
                .isEqualTo("Example answered HTTP 307 with a redirect to http://" + elsewhere.getHostName() + ":"
                        + elsewhere.getPort() + "; redirects are not followed");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aHugeSuccessBody_isNotBuffered_andFailsAsTooLarge() {
        var written = new AtomicLong();
        server.enqueue(PlatformFaults.huge(201, written));

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> http.execute(post(), true));

        assertThat(failure.code()).isEqualTo(TransportFailure.RESPONSE_TOO_LARGE);
        assertThat(failure.answered()).isTrue();
        assertThat(failure.status()).isEqualTo(201);
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aDeclaredLengthOverTheCap_onASuccess_failsBeforeReading() {
        server.enqueue(
                new MockResponse.Builder().code(200).body("x".repeat(4096)).build());
        var small = new PlatformHttp("Example", HttpSettings.defaults().withMaxResponseBytes(1024));

        TransportFailure failure = catchThrowableOfType(TransportFailure.class, () -> small.execute(post(), false));

        assertThat(failure.code()).isEqualTo(TransportFailure.RESPONSE_TOO_LARGE);
        assertThat(failure.getMessage())
                .isEqualTo("Example answered HTTP 200 with a body larger than 1024 bytes; it was not read");
        small.close();
    }

    @Test
    void aHugeErrorBody_keepsItsBeginning_andTheStatus() throws Exception {
        var written = new AtomicLong();
        server.enqueue(PlatformFaults.huge(400, written));

        HttpResult result = http.execute(post(), true);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.truncated()).isTrue();
        assertThat(result.body()).hasSize(16 * 1024).startsWith("{\"error\":\"aaaa");
        assertThat(result.json().isMissingNode()).isTrue();
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
        assertThat(RawResponse.of(result, List.of(), List.of()))
                .startsWith("HTTP 400 POST /v1/things\n\n{\"error\":\"aaaa")
                .endsWith("\n[body over the size limit, not read]")
                .hasSizeLessThanOrEqualTo(RawResponse.LIMIT);
    }

    @Test
    void dryRun_sendsNothing_showsARedactedPreview_andSurvivesAFailingSink() throws Exception {
        var shown = new ArrayList<RequestPreview>();
        DryRun dryRun = new DryRun() {
            @Override
            public void show(RequestPreview preview) {
                shown.add(preview);
                throw new IllegalStateException("sink broke");
            }

            @Override
            public HttpResult answer(Request request) {
                return new HttpResult(request.method(), request.url().encodedPath(), 201, okhttp3.Headers.of(), "{}");
            }
        };
        var dry = new PlatformHttp("Example", HttpSettings.defaults(), java.util.Optional.of(dryRun));
        Request request = post().newBuilder()
                .header("Authorization", "Bearer abcdefghijkl")
                .post(RequestBody.create(
                        "grant_type=refresh_token&refresh_token=rt-secret-1",
                        MediaType.get("application/x-www-form-urlencoded")))
                .build();

        HttpResult result = dry.execute(request, true);

        assertThat(result.status()).isEqualTo(201);
        assertThat(server.getRequestCount()).isZero();
        assertThat(shown).singleElement().satisfies(p -> {
            assertThat(p.url()).endsWith("/v1/things?access_token=[REDACTED]");
            assertThat(p.headers()).containsEntry("Authorization", "[REDACTED]");
            assertThat(p.body()).isEqualTo("grant_type=refresh_token&refresh_token=[REDACTED]");
            assertThat(p.toString()).doesNotContain("secret");
        });
        dry.close();
    }

    @Test
    void url_addsEachSegmentEncoded_underTheBasePath() {
        assertThat(PlatformHttp.url(HttpUrl.get("https://api.x.com"), "2", "tweets", "123")
                        .build()
                        .toString())
                .isEqualTo("https://api.x.com/2/tweets/123");
        assertThat(PlatformHttp.url(HttpUrl.get("https://proxy.example/x/"), "2", "users", "me")
                        .build()
                        .toString())
                .isEqualTo("https://proxy.example/x/2/users/me");
        assertThat(PlatformHttp.url(HttpUrl.get("https://mastodon.example"), "api", "v1", "a/b?c")
                        .build()
                        .encodedPath())
                .isEqualTo("/api/v1/a%2Fb%3Fc");
        assertThat(PlatformHttp.url(HttpUrl.get("https://mastodon.example"))
                        .build()
                        .toString())
                .isEqualTo("https://mastodon.example/");
    }
}
