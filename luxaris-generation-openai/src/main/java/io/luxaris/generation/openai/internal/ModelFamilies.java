package io.luxaris.generation.openai.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the documented model families accept, known before the first request (docs/platforms/openai.md §3.1): OpenAI's
 * reasoning models, the {@code gpt-5} family and the o-series ({@code o1}, {@code o3}, {@code o4-mini}...), accept
 * only the default temperature and {@code max_completion_tokens}, never {@code max_tokens}. A model name a gateway
 * prefixes with its provider ({@code openai/gpt-5}) counts too. Other names (an Azure deployment, a local model) are
 * not guessed at: a refusal of either parameter is still answered by sending the request again without it.
 */
final class ModelFamilies {
    private static final Pattern REASONING = Pattern.compile("(gpt-5|o[1-9])([-.:_@].*)?");

    private ModelFamilies() {}

    /** Whether {@code model} is one of the reasoning families. */
    static boolean isReasoning(String model) {
        String name = model.strip().toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        return REASONING.matcher(slash < 0 ? name : name.substring(slash + 1)).matches();
    }
}
