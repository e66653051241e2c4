package io.luxaris.generation.openai;

import com.google.auto.service.AutoService;
import io.luxaris.generation.openai.ServerProfile.TokenLimit;
import io.luxaris.generation.openai.internal.OpenAiSuggestionGenerator;
import io.luxaris.generation.openai.internal.Settings;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * AI suggestions from OpenAI Chat Completions with Structured Outputs, or from any server that speaks it (Azure
 * OpenAI v1, Ollama, vLLM, LM Studio): provider key {@code openai} unless {@link Builder#key(String)} says otherwise.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .generator(OpenAiGenerator.builder().apiKey(System.getenv("OPENAI_API_KEY")).model("gpt-4o-mini").build())
 *     .build();
 *
 * // Azure OpenAI (v1 API): the deployment name is the model, the key goes in the api-key header
 * OpenAiGenerator.builder().profile(ServerProfile.azure("my-resource", "my-deployment")).apiKey(azureKey).build();
 *
 * // a local Ollama: no key, one call per candidate
 * OpenAiGenerator.builder().profile(ServerProfile.ollama()).model("llama3.2").key("ollama").build();
 * }</pre>
 *
 * <p>Each call asks for candidates of a strict JSON schema (text, hashtags, a self-assessed score and a rationale)
 * under a prompt carrying the intent, the rendered template, the channel's limit measured the channel's way, tone
 * and length; {@code n} candidates in one call where the profile supports {@code n}, one call each otherwise. A
 * candidate over the limit gets one follow-up request for a shorter version. Every suggestion's metadata records
 * the server, model, prompt (secrets redacted), token usage and latency.
 *
 * <p>Failures are {@link io.luxaris.spi.generation.GenerationFailedException}s with safe messages (a key is only
 * ever shown masked, {@code sk-abc***xyz}): 401/403/404 and other refusals are {@code CONFIGURATION}; 429 {@code
 * insufficient_quota}/{@code credit_balance_exhausted} is {@code QUOTA_EXHAUSTED} and not retried; other 429s are
 * retried after {@code Retry-After} (or the reset headers) and end as {@code RATE_LIMITED}; 5xx and network
 * failures are retried with backoff and end as {@code UNAVAILABLE}; retries stop after {@link
 * Builder#maxRetries(int)} or when the next wait would exceed {@link Builder#retryBudget(Duration)}.
 *
 * <p><b>Discovery.</b> Found by {@link java.util.ServiceLoader} (through {@code Luxaris.builder().discoverPlugins()}),
 * it reads its configuration from the environment: {@value #ENV_API_KEY}, {@value #ENV_BASE_URL} (an
 * OpenAI-compatible server; an {@code *.openai.azure.com} URL uses the {@code api-key} header), {@value
 * #ENV_MODEL} (default {@value ServerProfile#DEFAULT_OPENAI_MODEL} on OpenAI), {@value #ENV_ORGANIZATION} and
 * {@value #ENV_PROJECT}. Without a key for OpenAI (or without a model for another server) it is still created, and
 * each generation fails with a {@code CONFIGURATION} error saying what to set. Immutable and thread-safe.
 */
@AutoService(GeneratorProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class OpenAiGenerator implements GeneratorProvider {
    /** The default provider key. */
    public static final String KEY = "openai";

    public static final String ENV_API_KEY = "OPENAI_API_KEY";
    public static final String ENV_BASE_URL = "OPENAI_BASE_URL";
    public static final String ENV_MODEL = "OPENAI_MODEL";
    public static final String ENV_ORGANIZATION = "OPENAI_ORG_ID";
    public static final String ENV_PROJECT = "OPENAI_PROJECT_ID";

    private static final Pattern KEY_PATTERN = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final Settings settings;

    /** The generator configured from the environment (as {@link java.util.ServiceLoader} creates it). */
    public OpenAiGenerator() {
        this(fromEnvironment(System::getenv).settings);
    }

    private OpenAiGenerator(Settings settings) {
        this.settings = settings;
    }

    /** A builder starting from the {@link ServerProfile#openai()} profile. */
    public static Builder builder() {
        return new Builder();
    }

    /** The generator configured from {@value #ENV_API_KEY}, {@value #ENV_BASE_URL}, {@value #ENV_MODEL}. */
    public static OpenAiGenerator fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    static OpenAiGenerator fromEnvironment(UnaryOperator<String> env) {
        Optional<String> apiKey = value(env, ENV_API_KEY);
        Optional<String> baseUrl = value(env, ENV_BASE_URL);
        Optional<String> model = value(env, ENV_MODEL);
        Builder builder = builder();
        String problem = null;
        if (baseUrl.isPresent()) {
            try {
                URI url = ServerProfile.parse(baseUrl.get(), ENV_BASE_URL);
                String host = url.getHost().toLowerCase(Locale.ROOT);
                if (host.equals("api.openai.com")) {
                    builder.profile(ServerProfile.openai().withBaseUrl(url.toString()));
                } else if (host.endsWith(".openai.azure.com")) {
                    builder.profile(new ServerProfile(
                            "azure",
                            url,
                            AuthScheme.apiKeyHeader(),
                            Optional.empty(),
                            true,
                            TokenLimit.MAX_COMPLETION_TOKENS,
                            true));
                } else {
                    builder.profile(ServerProfile.compatible(url.toString()));
                }
            } catch (IllegalArgumentException e) {
                problem = ENV_BASE_URL + " is not an absolute http(s) URL without credentials";
            }
        }
        apiKey.ifPresent(builder::apiKey);
        value(env, ENV_ORGANIZATION).ifPresent(builder::organization);
        value(env, ENV_PROJECT).ifPresent(builder::project);
        if (model.isPresent()) {
            try {
                builder.model(model.get());
            } catch (IllegalArgumentException e) {
                problem = ENV_MODEL + " is not a model name";
            }
        }
        if (problem == null && apiKey.isEmpty() && builder.profile.requiresApiKey()) {
            problem = "no API key is configured for the '" + KEY + "' generator: set " + ENV_API_KEY + " (and "
                    + ENV_BASE_URL + "/" + ENV_MODEL + " for another server), or register "
                    + "OpenAiGenerator.builder()...build()";
        }
        if (problem == null
                && builder.model == null
                && builder.profile.defaultModel().isEmpty()) {
            problem = "no model is configured for the server at " + ENV_BASE_URL + ": set " + ENV_MODEL;
        }
        return new OpenAiGenerator(builder.settings(Optional.ofNullable(problem)));
    }

    private static Optional<String> value(UnaryOperator<String> env, String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    @Override
    public String key() {
        return settings.key();
    }

    @Override
    public SuggestionGenerator create(GeneratorEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        Clock clock = settings.clock().orElseGet(environment::clock);
        return new OpenAiSuggestionGenerator(
                settings, clock, settings.sleeper().orElseGet(() -> Sleeper.forClock(clock)));
    }

    /** Where requests go: {@code chat/completions} under this base URL. */
    public URI baseUrl() {
        return settings.baseUrl().uri();
    }

    /** The model (Azure: deployment) requests name, when one is configured. */
    public Optional<String> model() {
        return settings.model();
    }

    /** The server profile's name ({@code openai}, {@code azure}, {@code ollama}, ...). */
    public String server() {
        return settings.server();
    }

    /** Why generation will fail with a configuration error, for a discovered provider missing its environment. */
    public Optional<String> configurationProblem() {
        return settings.problem();
    }

    @Override
    public String toString() {
        return "OpenAiGenerator[" + settings + "]";
    }

    /** Builder of an {@link OpenAiGenerator}; validates each setting as it is given and the whole on build. */
    public static final class Builder {
        private String key = KEY;
        private ServerProfile profile = ServerProfile.openai();
        private @Nullable URI baseUrl;
        private @Nullable String apiKey;
        private @Nullable AuthScheme auth;
        private @Nullable String model;
        private @Nullable String organization;
        private @Nullable String project;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable Boolean supportsN;
        private @Nullable TokenLimit tokenLimit;
        private OptionalInt maxOutputTokens = OptionalInt.empty();
        private OptionalDouble temperature = OptionalDouble.of(Settings.DEFAULT_TEMPERATURE);
        private HttpSettings http = HttpSettings.of(Settings.TIMEOUTS);
        private int maxRetries = Settings.DEFAULT_MAX_RETRIES;
        private Duration retryBudget = Settings.DEFAULT_RETRY_BUDGET;
        private Duration initialBackoff = Settings.DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = Settings.DEFAULT_MAX_BACKOFF;
        private @Nullable Clock clock;
        private @Nullable Sleeper sleeper;

        private Builder() {}

        /** The provider key (default {@value OpenAiGenerator#KEY}); another one to register several servers. */
        public Builder key(String value) {
            Objects.requireNonNull(value, "key");
            if (!KEY_PATTERN.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "key must be 1..32 lower-case letters, digits, '_' or '-', starting with a letter, but was '"
                                + value + "'");
            }
            this.key = value;
            return this;
        }

        /** The server: {@link ServerProfile#openai()} (default), {@code azure}, {@code ollama}, {@code vllm}, ... */
        public Builder profile(ServerProfile value) {
            this.profile = Objects.requireNonNull(value, "profile");
            return this;
        }

        /** Another base URL for the profile (a proxy, a gateway, a mock server); {@code chat/completions} is added. */
        public Builder baseUrl(String value) {
            this.baseUrl = ServerProfile.parse(value, "baseUrl");
            return this;
        }

        /** The API key; sent as the profile's {@link AuthScheme} says. Never logged or shown unmasked. */
        public Builder apiKey(String value) {
            Objects.requireNonNull(value, "apiKey");
            String v = value.strip();
            if (v.isEmpty() || v.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new IllegalArgumentException("apiKey must be non-blank printable characters without spaces");
            }
            this.apiKey = v;
            return this;
        }

        /** How the key is sent, instead of the profile's way. */
        public Builder auth(AuthScheme value) {
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** The model; for Azure the deployment name. Default: the profile's. */
        public Builder model(String value) {
            this.model = ServerProfile.checkModel(
                    Objects.requireNonNull(value, "model").strip());
            return this;
        }

        /** The {@code OpenAI-Organization} header. */
        public Builder organization(String value) {
            this.organization = headerValue(value, "organization");
            return this;
        }

        /** The {@code OpenAI-Project} header. */
        public Builder project(String value) {
            this.project = headerValue(value, "project");
            return this;
        }

        /** A further header on every request (its value is treated as a secret in messages). */
        public Builder header(String name, String value) {
            new AuthScheme(Objects.requireNonNull(name, "name"), ""); // validates the name
            headers.put(name, headerValue(value, "header " + name));
            return this;
        }

        /** Whether one call may ask for several candidates ({@code n}); default: the profile's. */
        public Builder supportsN(boolean value) {
            this.supportsN = value;
            return this;
        }

        /** The output-token parameter to send first; default: the profile's. */
        public Builder tokenLimit(TokenLimit value) {
            this.tokenLimit = Objects.requireNonNull(value, "tokenLimit");
            return this;
        }

        /**
         * A fixed output-token limit per candidate (reasoning models count their reasoning in it). Default: the
         * channel limit plus 400, between 1024 and 8192.
         */
        public Builder maxOutputTokens(int value) {
            if (value < 16 || value > 128_000) {
                throw new IllegalArgumentException("maxOutputTokens must be within 16..128000 but was " + value);
            }
            this.maxOutputTokens = OptionalInt.of(value);
            return this;
        }

        /** Sampling temperature, 0..2 (default {@value Settings#DEFAULT_TEMPERATURE}). */
        public Builder temperature(double value) {
            if (!(value >= 0.0 && value <= 2.0)) {
                throw new IllegalArgumentException("temperature must be within 0..2 but was " + value);
            }
            this.temperature = OptionalDouble.of(value);
            return this;
        }

        /** Sends no temperature: the model's default (some reasoning models accept no other). */
        public Builder serverDefaultTemperature() {
            this.temperature = OptionalDouble.empty();
            return this;
        }

        /** The host's shared client (timeouts set here still apply to a derived client; never closed by Luxaris). */
        public Builder httpClient(OkHttpClient value) {
            this.http = http.withSharedClient(value);
            return this;
        }

        /** Connect timeout (default 10 s). */
        public Builder connectTimeout(Duration value) {
            this.http = http.withConnectTimeout(value);
            return this;
        }

        /** Read timeout (default 120 s: models can take a while). */
        public Builder readTimeout(Duration value) {
            this.http = http.withReadTimeout(value);
            return this;
        }

        /**
         * A timeout for each whole HTTP call, reading the answer included (default 180 s, or the shared client's
         * call timeout when it has one): a server that trickles its answer cannot hold a generation forever.
         */
        public Builder callTimeout(Duration value) {
            this.http = http.withCallTimeout(value);
            return this;
        }

        /**
         * The largest answer read, in bytes (1 KiB..64 MiB; default 2 MiB). A larger success answer is not read and
         * fails as {@code UNAVAILABLE}; a larger error answer is classified by its status.
         */
        public Builder maxResponseBytes(long bytes) {
            this.http = http.withMaxResponseBytes(bytes);
            return this;
        }

        /** Retries of one request after a rate limit, a server error or a network failure (default 3; 0..10). */
        public Builder maxRetries(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("maxRetries must be within 0..10 but was " + value);
            }
            this.maxRetries = value;
            return this;
        }

        /**
         * The longest one request may take, waits included, before a retry is given up (default 30 s). A {@code
         * Retry-After} beyond it fails at once.
         */
        public Builder retryBudget(Duration value) {
            Objects.requireNonNull(value, "retryBudget");
            if (value.isNegative()) {
                throw new IllegalArgumentException("retryBudget must not be negative but was " + value);
            }
            this.retryBudget = value;
            return this;
        }

        /** Exponential backoff (with jitter) when the server gives no delay: first and longest wait. */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "backoff needs 0 <= initial <= max but was " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The clock for the retry budget and {@code Retry-After} dates. Default: the one Luxaris gives the generator
         * (the host's {@code Luxaris.builder().clock(...)}).
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How retry delays are waited out. Default {@link Sleeper#forClock(Clock)} of the clock in use: real waiting,
         * unless that clock can sleep (a test clock that advances instead). A host testing with a settable clock
         * passes a sleeper that advances it, so no test waits in real time.
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * The generator.
         *
         * @throws IllegalStateException when the profile needs an API key and none is set, or no model is known
         */
        public OpenAiGenerator build() {
            if (apiKey == null && profile.requiresApiKey()) {
                throw new IllegalStateException("apiKey is required for the '" + profile.name()
                        + "' profile; set apiKey(...) (or use OpenAiGenerator.fromEnvironment())");
            }
            if (model == null && profile.defaultModel().isEmpty()) {
                throw new IllegalStateException(
                        "model is required for the '" + profile.name() + "' profile; set model(...)");
            }
            return new OpenAiGenerator(settings(Optional.empty()));
        }

        private Settings settings(Optional<String> problem) {
            URI base = baseUrl != null ? baseUrl : profile.baseUrl();
            return new Settings(
                    key,
                    profile.name(),
                    Objects.requireNonNull(HttpUrl.get(base.toString()), "baseUrl"),
                    Optional.ofNullable(apiKey),
                    auth != null ? auth : profile.auth(),
                    Optional.ofNullable(model).or(profile::defaultModel),
                    Optional.ofNullable(organization),
                    Optional.ofNullable(project),
                    headers,
                    supportsN != null ? supportsN : profile.supportsN(),
                    tokenLimit != null ? tokenLimit : profile.tokenLimit(),
                    maxOutputTokens,
                    temperature,
                    http,
                    maxRetries,
                    retryBudget,
                    initialBackoff,
                    maxBackoff,
                    Optional.ofNullable(clock),
                    Optional.ofNullable(sleeper),
                    problem);
        }

        private static String headerValue(String value, String setting) {
            Objects.requireNonNull(value, setting);
            if (value.isBlank() || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new IllegalArgumentException(setting + " must be a non-blank header value");
            }
            return value.strip();
        }
    }
}
