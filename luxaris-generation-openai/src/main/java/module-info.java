/**
 * AI suggestions for Luxaris from OpenAI Chat Completions (Structured Outputs) or any OpenAI-compatible server:
 * Azure OpenAI v1, Ollama, vLLM, LM Studio. See {@link io.luxaris.generation.openai.OpenAiGenerator}.
 *
 * <p>auto-service-annotations ships without a module descriptor, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.generation.openai {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.generation.openai;

    provides io.luxaris.spi.generation.GeneratorProvider with
            io.luxaris.generation.openai.OpenAiGenerator;
}
