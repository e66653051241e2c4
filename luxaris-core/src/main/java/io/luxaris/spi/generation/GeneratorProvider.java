package io.luxaris.spi.generation;

/**
 * A source of AI (or other) suggestions, plugged in on {@code Luxaris.builder().generator(...)} or found by
 * {@code discoverPlugins()}.
 */
public interface GeneratorProvider {
    /** Stable key, such as {@code openai} or {@code offline}. */
    String key();

    /** Creates the generator; called once per {@code Luxaris} instance. */
    SuggestionGenerator create(GeneratorEnvironment environment);
}
