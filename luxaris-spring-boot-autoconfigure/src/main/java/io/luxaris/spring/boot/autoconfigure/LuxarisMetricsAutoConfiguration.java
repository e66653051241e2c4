package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.Luxaris;
import io.luxaris.micrometer.LuxarisMeterBinder;
import io.luxaris.micrometer.MicrometerEngineObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Engine metrics and a tracing observation per publish attempt when the context has a {@link MeterRegistry}
 * (Actuator, or one of the host's own) and luxaris-micrometer is on the class path: a {@link
 * MicrometerEngineObserver} the {@code Luxaris} bean reports to (observations go to the context's {@link
 * ObservationRegistry} when there is one), and a {@link LuxarisMeterBinder} with the backlog and engine gauges.
 * Off with {@code luxaris.metrics.enabled=false}.
 */
@AutoConfiguration(
        after = LuxarisAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass(
        name = {"io.micrometer.core.instrument.MeterRegistry", "io.luxaris.micrometer.MicrometerEngineObserver"})
@ConditionalOnProperty(prefix = "luxaris.metrics", name = "enabled", matchIfMissing = true)
public final class LuxarisMetricsAutoConfiguration {
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    MicrometerEngineObserver luxarisEngineMetrics(
            MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        return MicrometerEngineObserver.builder(registry)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .build();
    }

    @Bean
    @ConditionalOnBean({MeterRegistry.class, Luxaris.class})
    @ConditionalOnMissingBean
    LuxarisMeterBinder luxarisMeterBinder(Luxaris luxaris, LuxarisProperties properties) {
        return LuxarisMeterBinder.of(luxaris, properties.getMetrics().getBacklogRefresh());
    }
}
