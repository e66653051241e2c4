package io.luxaris.spi.generation;

/**
 * A source of AI (or other) suggestions, plugged in on {@code Luxaris.builder().generator(...)} or found by
 * {@code discoverPlugins()}.
 */
public interface GeneratorProvider {
    /**
     * Stable key, such as {@code openai} or {@code offline}.
     *
     * @return 1..32 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
     */
    String key();

    /**
     * Creates the generator; called once per {@code Luxaris} instance.
     *
     * @param environment the instance's clock
     * @return the generator, closed when the instance closes
     */
    SuggestionGenerator create(GeneratorEnvironment environment);
}
