package io.luxaris.benchmarks.jmh;

import io.luxaris.Luxaris;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.linkedin.LinkedInText;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.ContentRule;
import io.luxaris.errors.Violation;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating a variant: X's weighted length (twitter-text on the NFC-normalised text) of a realistic post with
 * URLs, emoji and CJK, the content rule and X's own checks on it, the same through the facade ({@code
 * posts().check}); and LinkedIn's little-text escaping of a 2,000-character text full of reserved characters.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class VariantValidationBenchmark {
    /**
     * 196 weighted characters: two URLs (23 each whatever their length), emoji including a ZWJ sequence and a skin
     * tone (2 each), Japanese (2 per character), a mention and hashtags.
     */
    static final String X_TEXT = "Launch day 🚀 Luxaris 1.0 is out! 新しいスケジューラーをリリースしました。"
            + " Release notes: https://example.com/releases/2026/11/luxaris-1-0?utm_source=x&utm_medium=social"
            + " Docs: https://docs.example.com/start 👩‍💻👍🏽 Thanks @luxaris_team #release #java";

    /** A paragraph with every little-text reserved character, repeated to exactly 2,000 characters. */
    static final String LINKEDIN_TEXT = linkedInText(2_000);

    private final Principal principal = Principal.of("bench");
    private final XChannel x = XChannel.builder().dryRun().build();
    private final TextMeasure xMeasure = x.textMeasure();
    private final ChannelLimits xLimits = x.descriptor().limits();
    private final LinkedInChannel linkedIn = new LinkedInChannel();
    private final TextMeasure linkedInMeasure = linkedIn.textMeasure();
    private final ChannelLimits linkedInLimits = linkedIn.descriptor().limits();
    private PostVariant xVariant;
    private Luxaris luxaris;
    private VariantDraft xDraft;

    @Setup(Level.Trial)
    public void setUp() {
        Instant now = Fixture.START;
        xVariant = new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(XChannel.KEY),
                Optional.empty(),
                X_TEXT,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.DRAFT,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
        xDraft = VariantDraft.of(XChannel.KEY, X_TEXT);
        luxaris = Luxaris.builder()
                .storage(InMemoryStorage.create())
                .channel(x)
                .clock(SettableClock.at(now))
                .build();
        List<Violation> violations = luxaris.posts().check(principal, xDraft);
        if (!violations.isEmpty() || xMeasure.measure(X_TEXT) > xLimits.maxTextLength()) {
            throw new IllegalStateException("the X sample must be valid: " + violations);
        }
        if (LINKEDIN_TEXT.length() != 2_000) {
            throw new IllegalStateException("the LinkedIn sample must be 2,000 characters");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        luxaris.close();
    }

    /** twitter-text weighted length (with NFC normalisation). */
    @Benchmark
    public int xWeightedLength() {
        return xMeasure.measure(X_TEXT);
    }

    /** Core's content rule (length in X's measure, links, thread, media) plus X's own character checks. */
    @Benchmark
    public int xContentRuleAndChannelValidate() {
        List<Violation> rule = ContentRule.check(X_TEXT, List.of(), List.of(), "X", xLimits, xMeasure, "");
        return rule.size() + x.validate(xVariant, Optional.empty()).size();
    }

    /** The whole check a composer calls for live feedback: {@code posts().check(principal, draft)}. */
    @Benchmark
    public List<Violation> xFacadeCheck() {
        return luxaris.posts().check(principal, xDraft);
    }

    /** Escaping 2,000 characters for little text. */
    @Benchmark
    public String linkedInEscape() {
        return LinkedInText.escape(LINKEDIN_TEXT);
    }

    /** LinkedIn's measure (escaped length) inside core's content rule, without building the escaped text. */
    @Benchmark
    public List<Violation> linkedInContentRule() {
        return ContentRule.check(LINKEDIN_TEXT, List.of(), List.of(), "LinkedIn", linkedInLimits, linkedInMeasure, "");
    }

    /** Parsing {@code #hashtags} into elements and rendering the commentary that is sent. */
    @Benchmark
    public String linkedInHashtagsCommentary() {
        return LinkedInText.withHashtags(LINKEDIN_TEXT).commentary();
    }

    static String linkedInText(int length) {
        String paragraph = "Our Q4 update (draft) | results [EMEA] & {APAC}: revenue > plan, churn < 2% "
                + "#growth #java *launch* _recap_ ~notes~ C:\\reports\\q4 <thanks> to @team. "
                + "Café Zoë déjà-vu: ";
        var out = new StringBuilder(length + paragraph.length());
        while (out.length() < length) {
            out.append(paragraph);
        }
        out.setLength(length);
        return out.toString();
    }
}
