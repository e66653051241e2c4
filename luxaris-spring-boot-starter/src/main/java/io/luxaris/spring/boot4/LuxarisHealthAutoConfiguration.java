package io.luxaris.spring.boot4;

import io.luxaris.Luxaris;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spring.boot.autoconfigure.LuxarisAutoConfiguration;
import io.luxaris.spring.boot.autoconfigure.LuxarisEngineHealth;
import io.luxaris.spring.boot.autoconfigure.LuxarisProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code luxaris} health indicator on Boot 4, when Actuator's health support is present. Off with {@code
 * management.health.luxaris.enabled=false}.
 */
@AutoConfiguration(after = LuxarisAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(Luxaris.class)
@ConditionalOnEnabledHealthIndicator("luxaris")
public final class LuxarisHealthAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "luxarisHealthIndicator")
    LuxarisHealthIndicator luxarisHealthIndicator(
            Luxaris luxaris, LuxarisProperties properties, EngineSettings settings) {
        Duration threshold = properties.getHealth().getLoopStallThreshold() != null
                ? properties.getHealth().getLoopStallThreshold()
                : LuxarisEngineHealth.defaultStallThreshold(settings);
        return new LuxarisHealthIndicator(new LuxarisEngineHealth(
                luxaris, threshold, properties.getMetrics().getBacklogRefresh(), Clock.systemUTC()));
    }
}
