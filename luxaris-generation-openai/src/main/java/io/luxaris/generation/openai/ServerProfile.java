package io.luxaris.generation.openai;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What differs between servers that speak OpenAI Chat Completions: where they are, how the key is sent, the model
 * to use when none is set, whether they honour {@code n} (several choices in one call; otherwise Luxaris makes one
 * call per candidate) and which output-token parameter they accept. Every setting can still be overridden on the
 * {@link OpenAiGenerator.Builder}.
 *
 * <table>
 *   <caption>Profiles</caption>
 *   <tr><th>profile</th><th>base URL</th><th>key header</th><th>{@code n}</th><th>token limit</th></tr>
 *   <tr><td>{@link #openai()}</td><td>{@code https://api.openai.com/v1/}</td><td>Bearer</td><td>yes</td>
 *       <td>{@code max_completion_tokens}</td></tr>
 *   <tr><td>{@link #azure(String, String)}</td><td>{@code https://{resource}.openai.azure.com/openai/v1/}</td>
 *       <td>{@code api-key}</td><td>yes</td><td>{@code max_completion_tokens}</td></tr>
 *   <tr><td>{@link #ollama()}</td><td>{@code http://localhost:11434/v1/}</td><td>none needed</td><td>no</td>
 *       <td>{@code max_tokens}</td></tr>
 *   <tr><td>{@link #vllm()}</td><td>{@code http://localhost:8000/v1/}</td><td>Bearer ({@code --api-key})</td>
 *       <td>no</td><td>{@code max_tokens}</td></tr>
 *   <tr><td>{@link #lmStudio()}</td><td>{@code http://localhost:1234/v1/}</td><td>none needed</td><td>no</td>
 *       <td>{@code max_tokens}</td></tr>
 *   <tr><td>{@link #compatible(String)}</td><td>given</td><td>Bearer</td><td>no</td><td>{@code max_tokens}</td></tr>
 * </table>
 *
 * <p>Whatever the profile says, a server that rejects {@code temperature}, {@code max_tokens} or {@code
 * max_completion_tokens} with a 400 naming the parameter gets the request again without it (or with the other
 * token parameter), and a server that rejects {@code n} gets sequential calls; the generator remembers the change.
 *
 * @param name a short name, recorded as {@code server} in each suggestion's metadata
 * @param baseUrl the API base; {@code chat/completions} is resolved against it
 * @param auth how the API key is sent
 * @param defaultModel the model used when the builder sets none (for Azure: the deployment name)
 * @param supportsN whether the server returns {@code n} choices from one call
 * @param tokenLimit the parameter that bounds the output length
 * @param requiresApiKey whether {@link OpenAiGenerator.Builder#build()} insists on an API key
 */
public record ServerProfile(
        String name,
        URI baseUrl,
        AuthScheme auth,
        Optional<String> defaultModel,
        boolean supportsN,
        TokenLimit tokenLimit,
        boolean requiresApiKey) {

    /** The request parameter that bounds the length of the answer. */
    public enum TokenLimit {
        /** {@code max_completion_tokens}: current OpenAI and Azure; required by reasoning models. */
        MAX_COMPLETION_TOKENS("max_completion_tokens"),
        /** {@code max_tokens}: deprecated at OpenAI, still what most compatible servers accept. */
        MAX_TOKENS("max_tokens");

        private final String parameter;

        TokenLimit(String parameter) {
            this.parameter = parameter;
        }

        /** The JSON field name. */
        public String parameter() {
            return parameter;
        }
    }

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1/";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern AZURE_RESOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ServerProfile {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be 1..32 lower-case letters, digits, '_' or '-' but was '" + name + "'");
        }
        baseUrl = checkBaseUrl(baseUrl);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(defaultModel, "defaultModel");
        defaultModel.ifPresent(m -> checkModel(m));
        Objects.requireNonNull(tokenLimit, "tokenLimit");
    }

    /** OpenAI itself: Bearer key, {@code n} honoured, {@value #DEFAULT_OPENAI_MODEL} unless a model is set. */
    public static ServerProfile openai() {
        return new ServerProfile(
                "openai",
                URI.create(OPENAI_BASE_URL),
                AuthScheme.bearer(),
                Optional.of(DEFAULT_OPENAI_MODEL),
                true,
                TokenLimit.MAX_COMPLETION_TOKENS,
                true);
    }

    /**
     * Azure OpenAI, v1 API (no {@code api-version}): the resource's endpoint, the key in the {@code api-key} header
     * and the deployment name as model. For a Microsoft Entra token use {@code auth(AuthScheme.bearer())}.
     */
    public static ServerProfile azure(String resource, String deployment) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(deployment, "deployment");
        String r = resource.strip().toLowerCase(Locale.ROOT);
        if (!AZURE_RESOURCE.matcher(r).matches()) {
            throw new IllegalArgumentException(
                    "resource must be an Azure OpenAI resource name (letters, digits, '-') but was '" + resource + "'");
        }
        return new ServerProfile(
                "azure",
                URI.create("https://" + r + ".openai.azure.com/openai/v1/"),
                AuthScheme.apiKeyHeader(),
                Optional.of(checkModel(deployment.strip())),
                true,
                TokenLimit.MAX_COMPLETION_TOKENS,
                true);
    }

    /** Ollama on this machine: no key, no {@code n}, {@code max_tokens}. Set the model (such as {@code llama3.2}). */
    public static ServerProfile ollama() {
        return local("ollama", "http://localhost:11434/v1/");
    }

    /** vLLM's OpenAI-compatible server on this machine; a key only when it runs with {@code --api-key}. */
    public static ServerProfile vllm() {
        return local("vllm", "http://localhost:8000/v1/");
    }

    /** LM Studio's local server; a key only when "Require Authentication" is on. */
    public static ServerProfile lmStudio() {
        return local("lm-studio", "http://localhost:1234/v1/");
    }

    /**
     * Any other OpenAI-compatible server at {@code baseUrl} (ending in {@code /v1/} as a rule): Bearer key if one
     * is set, sequential calls, {@code max_tokens}. Set the model.
     */
    public static ServerProfile compatible(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new ServerProfile(
                "compatible",
                parse(baseUrl, "baseUrl"),
                AuthScheme.bearer(),
                Optional.empty(),
                false,
                TokenLimit.MAX_TOKENS,
                false);
    }

    private static ServerProfile local(String name, String url) {
        return new ServerProfile(
                name, URI.create(url), AuthScheme.bearer(), Optional.empty(), false, TokenLimit.MAX_TOKENS, false);
    }

    /** This profile at another base URL (a proxy, a gateway, a mock server). */
    public ServerProfile withBaseUrl(String value) {
        return new ServerProfile(
                name, parse(value, "baseUrl"), auth, defaultModel, supportsN, tokenLimit, requiresApiKey);
    }

    /** This profile with or without {@code n} (vLLM, for one, does honour it). */
    public ServerProfile withSupportsN(boolean value) {
        return new ServerProfile(name, baseUrl, auth, defaultModel, value, tokenLimit, requiresApiKey);
    }

    /** This profile with another output-token parameter. */
    public ServerProfile withTokenLimit(TokenLimit value) {
        return new ServerProfile(name, baseUrl, auth, defaultModel, supportsN, value, requiresApiKey);
    }

    static URI parse(String value, String setting) {
        Objects.requireNonNull(value, setting);
        try {
            return checkBaseUrl(new URI(value.strip()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(setting + " must be an http(s) URL but was '" + shown(value) + "'", e);
        }
    }

    private static URI checkBaseUrl(URI url) {
        Objects.requireNonNull(url, "baseUrl");
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials; set apiKey(...) instead");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "baseUrl must be an absolute http(s) URL but was '" + shown(url.toString()) + "'");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not have a query or fragment (send a key with apiKey(...) or header(...))");
        }
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    /** A URL for a message: anything that could be credentials ({@code user:password@}) hidden. */
    private static String shown(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    static String checkModel(String model) {
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || model.length() > 256 || model.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("model must be 1..256 printable characters but was '" + model + "'");
        }
        return model;
    }
}
