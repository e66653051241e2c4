package io.luxaris.examples.quickstart;

import io.luxaris.channels.bluesky.BlueskyChannel;
import io.luxaris.channels.bluesky.BlueskyCredentials;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.mastodon.MastodonChannel;
import io.luxaris.channels.threads.ThreadsChannel;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.Credentials;
import io.luxaris.examples.outbox.OutboxChannel;
import io.luxaris.examples.quickstart.QuickstartOptions.Mode;
import io.luxaris.examples.quickstart.QuickstartOptions.UsageException;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.usecase.ConnectionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which channels the quickstart registers and which accounts it connects: X and LinkedIn for real when their
 * credentials are in the environment (or {@code --real}), as a dry run otherwise; Bluesky, Mastodon and Threads, when
 * chosen, always as a dry run (Mastodon for https://mastodon.social); the outbox always, discovered on the class path.
 * Credentials never leave this class except inside a {@link ConnectionRequest}, whose
 * {@code toString()} hides them.
 */
final class QuickstartChannels {
    static final String X_ACCESS_TOKEN = "X_ACCESS_TOKEN";
    static final String X_USERNAME = "X_USERNAME";
    static final String LINKEDIN_ACCESS_TOKEN = "LINKEDIN_ACCESS_TOKEN";
    static final String LINKEDIN_AUTHOR_URN = "LINKEDIN_AUTHOR_URN";

    /** What a dry-run connection stores as its token: a connection needs some credentials, nothing is sent. */
    private static final Credentials DRY_RUN_CREDENTIALS = Credentials.bearer("dry-run-no-token");

    /**
     * One account to connect.
     *
     * @param channel the channel key
     * @param real whether posts really go out (X, LinkedIn with credentials; the outbox always)
     * @param mode how it publishes, for people
     * @param request the connection to make; its credentials come from the environment when {@code fromEnvironment}
     * @param fromEnvironment whether the credentials are the user's (then a reused connection gets them)
     */
    record Account(String channel, boolean real, String mode, ConnectionRequest request, boolean fromEnvironment) {}

    /**
     * A request X or LinkedIn built in dry-run mode and did not send, as its dry-run sink received it: the
     * {@code Authorization} header and every token already redacted by the channel.
     */
    record Request(String channel, String method, String url, Optional<String> authorization, String body) {}

    private final XChannel x;
    private final LinkedInChannel linkedin;
    private final BlueskyChannel bluesky;
    private final MastodonChannel mastodon;
    private final ThreadsChannel threads;
    private final Map<String, Account> accounts;
    private final List<Request> dryRunRequests;

    private QuickstartChannels(
            XChannel x,
            LinkedInChannel linkedin,
            BlueskyChannel bluesky,
            MastodonChannel mastodon,
            ThreadsChannel threads,
            Map<String, Account> accounts,
            List<Request> dryRunRequests) {
        this.x = x;
        this.linkedin = linkedin;
        this.bluesky = bluesky;
        this.mastodon = mastodon;
        this.threads = threads;
        this.accounts = accounts;
        this.dryRunRequests = dryRunRequests;
    }

    /** Decides from the options and the environment; {@code --real} without credentials is a usage error. */
    static QuickstartChannels configure(QuickstartOptions options, Map<String, String> env) throws UsageException {
        Optional<String> xToken = value(env, X_ACCESS_TOKEN);
        Optional<String> linkedinToken = value(env, LINKEDIN_ACCESS_TOKEN);
        Optional<String> authorUrn = value(env, LINKEDIN_AUTHOR_URN);

        boolean wantX = options.channels().contains("x");
        boolean wantLinkedIn = options.channels().contains("linkedin");
        if (options.mode() == Mode.REAL) {
            var missing = new ArrayList<String>();
            if (wantX && xToken.isEmpty()) {
                missing.add(X_ACCESS_TOKEN);
            }
            if (wantLinkedIn && linkedinToken.isEmpty()) {
                missing.add(LINKEDIN_ACCESS_TOKEN);
            }
            if (wantLinkedIn && authorUrn.isEmpty()) {
                missing.add(LINKEDIN_AUTHOR_URN);
            }
            if (!missing.isEmpty()) {
                throw new UsageException("--real needs " + String.join(", ", missing)
                        + " in the environment (or leave out the channel with --channels, or use --dry-run)");
            }
        }
        boolean realX = options.mode() != Mode.DRY_RUN && xToken.isPresent();
        boolean realLinkedIn = options.mode() != Mode.DRY_RUN && linkedinToken.isPresent() && authorUrn.isPresent();

        // X and LinkedIn are configured in code (dry run or not) and registered explicitly; an explicit
        // registration wins over the same channel found by discoverPlugins().
        // in dry-run mode each channel hands every request it builds (redacted) to a sink: the quickstart shows them
        var requests = new CopyOnWriteArrayList<Request>();
        XChannel x = realX
                ? XChannel.builder().build()
                : XChannel.builder()
                        .dryRun(p -> requests.add(new Request(
                                XChannel.KEY,
                                p.method(),
                                p.url(),
                                Optional.ofNullable(p.headers().get("Authorization")),
                                p.body())))
                        .build();
        LinkedInChannel linkedin = realLinkedIn
                ? LinkedInChannel.builder().build()
                : LinkedInChannel.builder()
                        .dryRun(p -> requests.add(new Request(
                                LinkedInChannel.KEY,
                                p.method(),
                                p.url(),
                                Optional.ofNullable(p.headers().get("Authorization")),
                                p.body())))
                        .build();
        // Bluesky is offered as a dry run only: what would go to the PDS is built and shown, no login happens
        BlueskyChannel bluesky = BlueskyChannel.builder()
                .dryRun(p -> requests.add(new Request(
                        BlueskyChannel.KEY,
                        p.method(),
                        p.url(),
                        Optional.ofNullable(p.headers().get("Authorization")),
                        p.body())))
                .build();
        MastodonChannel mastodon = MastodonChannel.builder()
                .dryRun(p -> requests.add(new Request(
                        MastodonChannel.KEY,
                        p.method(),
                        p.url(),
                        Optional.ofNullable(p.headers().get("Authorization")),
                        p.body())))
                .build();
        // Threads too: the containers and threads_publish requests are built and shown, none is sent
        ThreadsChannel threads = ThreadsChannel.builder()
                .dryRun(p -> requests.add(new Request(
                        ThreadsChannel.KEY,
                        p.method(),
                        p.url(),
                        Optional.ofNullable(p.headers().get("Authorization")),
                        p.body())))
                .build();

        var accounts = new LinkedHashMap<String, Account>();
        for (String channel : options.channels()) {
            Account account =
                    switch (channel) {
                        case "x" -> {
                            String mode = realX
                                    ? "for real (" + X_ACCESS_TOKEN + " is set)"
                                    : dryRunReason(options, X_ACCESS_TOKEN + " is not set");
                            Map<String, String> properties = value(env, X_USERNAME)
                                    .map(u -> Map.of(XChannel.PROPERTY_USERNAME, u.replaceFirst("^@", "")))
                                    .orElse(Map.of());
                            String name = value(env, X_USERNAME)
                                    .map(u -> "@" + u.replaceFirst("^@", ""))
                                    .orElse("@quickstart");
                            Credentials credentials = realX ? Credentials.bearer(xToken.get()) : DRY_RUN_CREDENTIALS;
                            yield new Account(
                                    channel,
                                    realX,
                                    mode,
                                    ConnectionRequest.of(XChannel.KEY, name, credentials)
                                            .withProperties(properties),
                                    realX);
                        }
                        case "linkedin" -> {
                            String mode = realLinkedIn
                                    ? "for real (" + LINKEDIN_ACCESS_TOKEN + " is set)"
                                    : dryRunReason(
                                            options,
                                            linkedinToken.isEmpty()
                                                    ? LINKEDIN_ACCESS_TOKEN + " is not set"
                                                    : LINKEDIN_AUTHOR_URN + " is not set");
                            // LinkedIn posts as the URN in the connection property author_urn
                            String urn = realLinkedIn ? authorUrn.get() : "urn:li:person:quickstart";
                            Credentials credentials =
                                    realLinkedIn ? Credentials.bearer(linkedinToken.get()) : DRY_RUN_CREDENTIALS;
                            yield new Account(
                                    channel,
                                    realLinkedIn,
                                    mode,
                                    ConnectionRequest.of(LinkedInChannel.KEY, "Quickstart on LinkedIn", credentials)
                                            .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, urn)),
                                    realLinkedIn);
                        }
                        case "bluesky" ->
                            new Account(
                                    channel,
                                    false,
                                    "dry run (the quickstart never posts to Bluesky)",
                                    BlueskyCredentials.connectionRequest(
                                            "quickstart.bsky.social", "dry-run-no-password"),
                                    false);
                        case "mastodon" ->
                            new Account(
                                    channel,
                                    false,
                                    "dry run (the quickstart only previews Mastodon)",
                                    ConnectionRequest.of(
                                                    MastodonChannel.KEY,
                                                    "@quickstart@mastodon.social",
                                                    DRY_RUN_CREDENTIALS)
                                            .withProperties(Map.of(
                                                    MastodonChannel.PROPERTY_INSTANCE_URL, "https://mastodon.social")),
                                    false);
                        case "threads" ->
                            new Account(
                                    channel,
                                    false,
                                    "dry run (the quickstart only previews Threads)",
                                    ConnectionRequest.of(
                                                    ThreadsChannel.KEY, "@quickstart on Threads", DRY_RUN_CREDENTIALS)
                                            .withProperties(Map.of(
                                                    ThreadsChannel.PROPERTY_USER_ID, "quickstart",
                                                    ThreadsChannel.PROPERTY_USERNAME, "quickstart")),
                                    false);
                        case "outbox" ->
                            new Account(
                                    channel,
                                    true,
                                    "writes to",
                                    // the outbox needs no token, but every connection has credentials
                                    ConnectionRequest.of(OutboxChannel.KEY, "local outbox", Credentials.bearer("none")),
                                    false);
                        default -> throw new IllegalStateException(channel);
                    };
            accounts.put(channel, account);
        }
        return new QuickstartChannels(x, linkedin, bluesky, mastodon, threads, accounts, requests);
    }

    /** The providers registered explicitly (the outbox is discovered). */
    List<ChannelProvider> explicitProviders() {
        return List.of(x, linkedin, bluesky, mastodon, threads);
    }

    /** The accounts to connect, by channel key, in the order the channels were given. */
    Map<String, Account> accounts() {
        return accounts;
    }

    /** The requests X and LinkedIn built in dry-run mode so far, in the order they were built. */
    List<Request> dryRunRequests() {
        return List.copyOf(dryRunRequests);
    }

    /** Whether any channel of this run is a dry run. */
    boolean anyDryRun() {
        return accounts.values().stream().anyMatch(a -> !a.real());
    }

    private static String dryRunReason(QuickstartOptions options, String why) {
        return "dry run (" + (options.mode() == Mode.DRY_RUN ? "--dry-run" : why) + ")";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
