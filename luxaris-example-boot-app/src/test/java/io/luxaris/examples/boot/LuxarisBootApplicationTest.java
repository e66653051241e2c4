package io.luxaris.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ScheduleId;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spring.boot.autoconfigure.PostgresSchema;
import io.luxaris.testkit.ScriptedChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference application end to end over HTTP on a random port, on PostgreSQL in a fresh schema: connect an
 * account, write a post, schedule it, let the engine publish it through a channel registered by the test, read the
 * lateness histogram from /actuator/prometheus, and get each error class as its JSON body.
 */
class LuxarisBootApplicationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PostgresSchema db;
    private static ConfigurableApplicationContext app;
    private static String base;

    /** The channel the test publishes through: a scripted fake platform. */
    @Configuration(proxyBeanMethods = false)
    static class TestChannel {
        @Bean
        ScriptedChannel fakeChannel() {
            return ScriptedChannel.create("fake");
        }
    }

    @BeforeAll
    static void start() throws IOException {
        db = PostgresSchema.create();
        Path keyset = Files.createTempDirectory("luxaris-boot-app").resolve("keyset.json");
        TinkSecretCipher.writeKeyFile(TinkSecretCipher.generateKeyset(), keyset);
        app = new SpringApplicationBuilder(LuxarisBootApplication.class, TestChannel.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + db.urlWithSchema(),
                        "spring.datasource.username=" + db.user,
                        "spring.datasource.password=" + db.password,
                        "spring.datasource.hikari.maximum-pool-size=5",
                        "luxaris.storage.schema=" + db.name,
                        "luxaris.secrets.keyset-file=" + keyset,
                        "luxaris.engine.max-idle-sleep=1s")
                .run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static Answer call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            r.header("X-User", user);
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private static String published(String user) throws Exception {
        Answer account = call(
                "POST",
                "/api/connections",
                user,
                "{\"channel\":\"fake\",\"name\":\"@" + user + "\",\"accessToken\":\"t\"}");
        assertThat(account.status()).isEqualTo(201);
        Answer post = call(
                "POST",
                "/api/posts",
                user,
                "{\"title\":\"Launch\",\"content\":\"We launched\",\"variant\":{\"channel\":\"fake\",\"content\":\"We launched!\"}}");
        assertThat(post.status()).isEqualTo(201);
        String variantId = text(post.json().get("variants").get(0), "id");
        Answer schedule = call(
                "POST",
                "/api/schedules",
                user,
                "{\"variantId\":\"" + variantId + "\",\"connectionId\":\"" + text(account.json(), "id") + "\",\"at\":\""
                        + Instant.now().plusMillis(500) + "\"}");
        assertThat(schedule.status()).isEqualTo(201);
        assertThat(text(schedule.json(), "status")).isEqualTo("pending");
        return text(schedule.json(), "id");
    }

    private static String awaitSettled(String user, String scheduleId) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        String status;
        do {
            Thread.sleep(100);
            status =
                    text(call("GET", "/api/schedules/" + scheduleId, user, null).json(), "status");
        } while ((status.equals("pending") || status.equals("queued") || status.equals("processing"))
                && Instant.now().isBefore(giveUp));
        return status;
    }

    @Test
    void aPostIsScheduledAndPublished_andItsLatenessIsOnThePrometheusEndpoint() throws Exception {
        String before = call("GET", "/actuator/prometheus", null, null).body();
        String scheduleId = published("alice");

        assertThat(awaitSettled("alice", scheduleId)).isEqualTo("success");
        assertThat(app.getBean(ScriptedChannel.class).postsFor(ScheduleId.of(scheduleId)))
                .isEqualTo(1);
        Answer calendar = call(
                "GET",
                "/api/calendar?from=" + Instant.now().minusSeconds(3600) + "&to="
                        + Instant.now().plusSeconds(3600),
                "alice",
                null);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.json().get(0).get("scheduleId").asString()).isEqualTo(scheduleId);

        Answer prometheus = call("GET", "/actuator/prometheus", null, null);
        assertThat(prometheus.status()).isEqualTo(200);
        String lateness = "luxaris_publish_lateness_seconds_count";
        assertThat(sample(prometheus.body(), lateness, "channel=\"fake\"")
                        - sampleOrZero(before, lateness, "channel=\"fake\""))
                .isEqualTo(1.0);
        assertThat(prometheus.body()).containsPattern("luxaris_publish_lateness_seconds_bucket\\{[^}]*le=\"");
        String attempts = "luxaris_publish_attempts_seconds_count";
        String publishedOnFake = "channel=\"fake\",outcome=\"published\"";
        assertThat(sample(prometheus.body(), attempts, publishedOnFake)
                        - sampleOrZero(before, attempts, publishedOnFake))
                .isEqualTo(1.0);
        assertThat(prometheus.body()).contains("luxaris_schedules_due").contains("luxaris_engine_in_flight");

        Answer health = call("GET", "/actuator/health/luxaris", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(text(health.json(), "status")).isEqualTo("UP");
    }

    private static double sampleOrZero(String exposition, String metric, String labels) {
        try {
            return sample(exposition, metric, labels);
        } catch (AssertionError notYet) {
            return 0;
        }
    }

    /** The value of the first sample of {@code metric} whose labels contain {@code labels}. */
    private static double sample(String exposition, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)").matcher(exposition);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(metric + "{" + labels + "} is not in the exposition:\n" + exposition);
    }

    @Test
    void badInput_is400_withEveryViolation() throws Exception {
        Answer answer = call(
                "POST",
                "/api/posts",
                "carol",
                "{\"content\":\"\",\"variant\":{\"channel\":\"nope\",\"content\":\"x\"}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(text(answer.json(), "error")).isEqualTo("validation");
        JsonNode violations = answer.json().get("violations");
        assertThat(violations.size()).isPositive();
        assertThat(violations.get(0).has("field")).isTrue();
        assertThat(violations.get(0).has("rule")).isTrue();
        assertThat(violations.get(0).has("message")).isTrue();
    }

    @Test
    void someoneElsesPost_is403_aMissingOne404_aCancelAfterPublishing409_andNoUser401() throws Exception {
        Answer post = call("POST", "/api/posts", "dave", "{\"content\":\"mine\"}");
        assertThat(post.status()).isEqualTo(201);
        String postId = text(post.json(), "id");

        assertThat(call("GET", "/api/posts/" + postId, "dave", null).status()).isEqualTo(200);
        Answer denied = call("GET", "/api/posts/" + postId, "eve", null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(text(denied.json(), "error")).isEqualTo("access_denied");

        Answer missing = call("GET", "/api/posts/" + UUID.randomUUID(), "dave", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(text(missing.json(), "error")).isEqualTo("not_found");

        String scheduleId = published("frank");
        assertThat(awaitSettled("frank", scheduleId)).isEqualTo("success");
        Answer conflict = call("POST", "/api/schedules/" + scheduleId + "/cancel", "frank", null);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(text(conflict.json(), "error")).isEqualTo("conflict");

        assertThat(call("GET", "/api/connections", null, null).status()).isEqualTo(401);
    }
}
