package io.luxaris.generation.openai;

import com.twitter.twittertext.TwitterTextParser;
import io.luxaris.domain.TextMeasure;
import java.text.Normalizer;

/** X's weighted length (twitter-text: URLs 23, CJK and emoji 2), for the stand-in X channel of these tests. */
enum TwitterTextMeasure implements TextMeasure {
    INSTANCE;

    @Override
    public int measure(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return TwitterTextParser.parseTweet(Normalizer.normalize(text, Normalizer.Form.NFC)).weightedLength;
    }

    @Override
    public String unit() {
        return "weighted characters";
    }
}
