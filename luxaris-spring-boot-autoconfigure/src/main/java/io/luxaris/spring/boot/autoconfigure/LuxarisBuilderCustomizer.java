package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.Luxaris;

/**
 * Changes the {@link Luxaris.Builder} after the auto-configuration has applied the {@code luxaris.*} properties and
 * the beans it found, just before the {@code Luxaris} bean is built. Declare beans of this type; they run in
 * {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * LuxarisBuilderCustomizer virtualThreads() {
 *     return builder -> builder.engine(EngineSettings.builder()
 *             .executor(Executors.newVirtualThreadPerTaskExecutor())
 *             .build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LuxarisBuilderCustomizer {
    void customize(Luxaris.Builder builder);
}
