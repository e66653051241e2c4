package io.luxaris.channels.mastodon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.mastodon.MastodonInstance;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each instance accepts, read from {@code GET /api/v2/instance} (falling back to {@code /api/v1/instance} for
 * servers before 4.0) and kept per instance for a time to live. When an instance cannot be asked (unreachable, an
 * error, dry-run mode) the connection's stored properties are used, else Mastodon's defaults; a failed read is not
 * repeated for a minute. The publisher reads through {@link #limits} (outside any transaction); validation, which the
 * core runs inside storage transactions, through {@link #known}, which prefers what the connection stores to a read.
 * Thread-safe; one read per instance at a time.
 */
public final class Instances implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);
    /** The longest a read of an instance's limits may take (it can happen while a host validates a schedule). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** How long a failed read keeps the instance from being asked again. */
    static final Duration FAILURE_TTL = Duration.ofMinutes(1);

    private final Settings settings;
    private final Map<HttpUrl, Entry> entries = new ConcurrentHashMap<>();
    private final Map<HttpUrl, Object> locks = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private @Nullable PlatformHttp http;

    public Instances(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** What an instance said, and when; {@code instance} is empty when the read failed. */
    private record Entry(Optional<MastodonInstance> instance, Instant at) {}

    /** What is known of an instance: its limits, and whether they are fresh from the instance itself. */
    public record Known(MastodonInstance instance, boolean fromInstance) {}

    /** Uses the host's clock for the time to live (a publisher adopts its environment's). */
    public void useClock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
    }

    /**
     * The limits of the instance at {@code base} for a connection with these {@code properties}: fresh ones from the
     * cache or the instance, else the stored ones, else the defaults.
     */
    public Known limits(HttpUrl base, Map<String, String> properties) {
        Optional<MastodonInstance> read = read(base);
        if (read.isPresent()) {
            return new Known(read.get(), true);
        }
        return new Known(
                MastodonInstance.fromConnectionProperties(properties).orElse(MastodonInstance.defaults()), false);
    }

    /**
     * The limits for validating a connection's variants, which happens inside the host's storage transactions: fresh
     * ones from the cache, else the ones stored on the connection (kept current by the publisher, or stored when the
     * account was connected), and only when neither is known a read of the instance (once per time to live).
     */
    public Known known(HttpUrl base, Map<String, String> properties) {
        Entry cached = entries.get(base);
        if (cached != null && fresh(cached) && cached.instance().isPresent()) {
            return new Known(cached.instance().get(), true);
        }
        Optional<MastodonInstance> stored = MastodonInstance.fromConnectionProperties(properties);
        if (stored.isPresent()) {
            return new Known(stored.get(), false);
        }
        return limits(base, properties);
    }

    /** The instance's limits within the time to live, read again when they are older; empty when it cannot be read. */
    public Optional<MastodonInstance> read(HttpUrl base) {
        if (settings.dryRun()) {
            return Optional.empty();
        }
        Entry cached = entries.get(base);
        if (cached != null && fresh(cached)) {
            return cached.instance();
        }
        synchronized (locks.computeIfAbsent(base, b -> new Object())) {
            cached = entries.get(base);
            if (cached != null && fresh(cached)) {
                return cached.instance();
            }
            Optional<MastodonInstance> fetched = fetch(base);
            entries.put(base, new Entry(fetched, clock.instant()));
            return fetched;
        }
    }

    private boolean fresh(@Nullable Entry entry) {
        if (entry == null) {
            return false;
        }
        Duration ttl = entry.instance().isPresent()
                ? settings.instanceTtl()
                : (FAILURE_TTL.compareTo(settings.instanceTtl()) < 0 ? FAILURE_TTL : settings.instanceTtl());
        Instant now = clock.instant();
        return now.isBefore(entry.at().plus(ttl)) && !now.isBefore(entry.at());
    }

    private Optional<MastodonInstance> fetch(HttpUrl base) {
        try {
            HttpResult v2 = get(base, "v2");
            if (v2.isSuccessful()) {
                Optional<MastodonInstance> parsed = parse(v2.json());
                if (parsed.isPresent()) {
                    LOG.debug("read the limits of Mastodon instance {}: {}", base.host(), parsed.get());
                    return parsed;
                }
            }
            if (v2.isSuccessful() || v2.status() == 404 || v2.status() == 410) {
                // before 4.0: no v2 endpoint, or no configuration in it
                HttpResult v1 = get(base, "v1");
                if (v1.isSuccessful()) {
                    return Optional.of(parseV1(v1.json()));
                }
                LOG.debug("Mastodon instance {} answered HTTP {} to /api/v1/instance", base.host(), v1.status());
                return Optional.empty();
            }
            LOG.debug("Mastodon instance {} answered HTTP {} to /api/v2/instance", base.host(), v2.status());
            return Optional.empty();
        } catch (TransportFailure e) {
            LOG.info(
                    "could not read the limits of Mastodon instance {} ({}); using the stored ones or the defaults",
                    base.host(),
                    e.code());
            return Optional.empty();
        }
    }

    private HttpResult get(HttpUrl base, String version) throws TransportFailure {
        Request request = new Request.Builder()
                .url(Settings.url(base, "api", version, "instance").build())
                .header("Accept", "application/json")
                .get()
                .build();
        return http().execute(request, false);
    }

    private synchronized PlatformHttp http() {
        if (http == null) {
            HttpSettings s = settings.http();
            if (s.effectiveCallTimeout().compareTo(READ_TIMEOUT) > 0) {
                s = s.withCallTimeout(READ_TIMEOUT);
            }
            http = new PlatformHttp("Mastodon", s);
        }
        return http;
    }

    /** An instance described by {@code /api/v2/instance}; empty when it has no {@code configuration}. */
    public static Optional<MastodonInstance> parse(JsonNode json) {
        JsonNode configuration = json.path("configuration");
        if (!configuration.isObject()) {
            return Optional.empty();
        }
        OptionalInt api = Json.number(json, "/api_versions/mastodon")
                .filter(v -> v >= 0 && v <= Integer.MAX_VALUE)
                .map(v -> OptionalInt.of(v.intValue()))
                .orElse(OptionalInt.empty());
        return Optional.of(instance(configuration, OptionalInt.empty(), api));
    }

    /** An instance described by {@code /api/v1/instance} (3.x: {@code configuration}, forks: {@code max_toot_chars}). */
    public static MastodonInstance parseV1(JsonNode json) {
        OptionalInt maxToot = Json.number(json, "/max_toot_chars")
                .filter(v -> v >= 1)
                .map(v -> OptionalInt.of((int) Math.min(v, MastodonInstance.MAX_CHARACTERS_CEILING)))
                .orElse(OptionalInt.empty());
        return instance(json.path("configuration"), maxToot, OptionalInt.empty());
    }

    private static MastodonInstance instance(JsonNode configuration, OptionalInt maxToot, OptionalInt api) {
        JsonNode statuses = configuration.path("statuses");
        JsonNode media = configuration.path("media_attachments");
        // forks raise the limit; above Luxaris' own limit of a text the ceiling is what counts
        int max = Json.number(statuses, "/max_characters")
                .filter(v -> v >= 1)
                .map(v -> (int) Math.min(v, MastodonInstance.MAX_CHARACTERS_CEILING))
                .orElse(maxToot.orElse(MastodonInstance.DEFAULT_MAX_CHARACTERS));
        int url = whole(statuses, "/characters_reserved_per_url", 0, max)
                .orElse(Math.min(MastodonInstance.DEFAULT_CHARACTERS_RESERVED_PER_URL, max));
        int attachments = whole(statuses, "/max_media_attachments", 0, 100)
                .orElse(MastodonInstance.DEFAULT_MAX_MEDIA_ATTACHMENTS);
        int description =
                whole(media, "/description_limit", 0, 1_000_000).orElse(MastodonInstance.DEFAULT_DESCRIPTION_LIMIT);
        long image = Json.number(media, "/image_size_limit")
                .filter(v -> v > 0)
                .orElse(MastodonInstance.DEFAULT_IMAGE_SIZE_LIMIT);
        long video = Json.number(media, "/video_size_limit")
                .filter(v -> v > 0)
                .orElse(MastodonInstance.DEFAULT_VIDEO_SIZE_LIMIT);
        var types = new ArrayList<String>();
        for (JsonNode type : media.path("supported_mime_types")) {
            if (type.isTextual() && type.asText().contains("/")) {
                types.add(type.asText());
            }
        }
        return new MastodonInstance(max, url, attachments, description, image, video, List.copyOf(types), api);
    }

    private static OptionalInt whole(JsonNode node, String path, int min, int max) {
        return Json.number(node, path)
                .filter(v -> v >= min && v <= max)
                .map(v -> OptionalInt.of(v.intValue()))
                .orElse(OptionalInt.empty());
    }

    /** Releases the HTTP client (a later read makes a new one); what was read is kept for its time to live. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    @Override
    public String toString() {
        return "Instances[" + entries.size() + " known, ttl " + settings.instanceTtl() + "]";
    }
}
