package io.luxaris.channels.x.internal;

import com.twitter.twittertext.Extractor;
import io.luxaris.domain.TextMeasure;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * X's way of counting and comparing text. Length is twitter-text's weighted length (NFC-normalised; every URL
 * counts 23, CJK and emoji 2, Latin 1), computed by {@link XTextCounter} with twitter-text's results. Comparison, used to find a post in the timeline, ignores what X rewrites:
 * URLs (wrapped in t.co, attached media shown as a trailing link), HTML escapes and whitespace runs.
 */
public final class XText implements TextMeasure {
    public static final XText INSTANCE = new XText();

    private static final Pattern ANY_URL = Pattern.compile("https?://\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private XText() {}

    @Override
    public int measure(String text) {
        return XTextCounter.DEFAULT.weightedLength(text);
    }

    @Override
    public String unit() {
        return "weighted characters";
    }

    /** Characters X refuses in any post (twitter-text's invalid characters). */
    public static boolean hasInvalidCharacters(String text) {
        return text.indexOf('\uFFFE') >= 0 || text.indexOf('\uFEFF') >= 0 || text.indexOf('\uFFFF') >= 0;
    }

    /** The text as compared with what X returns: NFC, no URLs, no HTML escapes, single spaces. */
    public static String comparable(String text) {
        String out = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        var extractor = new Extractor();
        List<Extractor.Entity> urls = extractor.extractURLsWithIndices(out);
        if (!urls.isEmpty()) {
            var builder = new StringBuilder(out);
            urls.stream()
                    .sorted(Comparator.comparing(Extractor.Entity::getStart).reversed())
                    .forEach(url -> builder.replace(url.getStart(), url.getEnd(), " "));
            out = builder.toString();
        }
        out = ANY_URL.matcher(out).replaceAll(" ");
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** Whether a post's text as X returned it is the text Luxaris sent. */
    public static boolean sameText(String sent, String returned) {
        return comparable(sent).equals(comparable(returned));
    }

    @Override
    public String toString() {
        return "XText[weighted characters]";
    }
}
