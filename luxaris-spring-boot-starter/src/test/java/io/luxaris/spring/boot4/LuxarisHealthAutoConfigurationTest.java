package io.luxaris.spring.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.spring.boot.autoconfigure.LuxarisAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LuxarisHealthAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(LuxarisAutoConfiguration.class, LuxarisHealthAutoConfiguration.class));

    @Test
    void aRunningEngine_isUp_aStoppedOneToo_andADrainingOneOutOfService() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasBean("luxarisHealthIndicator");
            HealthIndicator indicator = context.getBean("luxarisHealthIndicator", HealthIndicator.class);
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("engine", "running").containsKeys("instanceId", "due");
            context.getBean(Luxaris.class).publishing().stop(Duration.ZERO);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails()).containsEntry("engine", "stopped");
        });
    }

    @Test
    void theStallThreshold_comesFromTheEngineSettings_orTheProperty() {
        runner.withPropertyValues("luxaris.engine.max-idle-sleep=45s", "luxaris.engine.lease-duration=20s")
                .run(context -> assertThat(threshold(context)).isEqualTo(Duration.ofSeconds(65)));
        runner.withPropertyValues("luxaris.health.loop-stall-threshold=5m")
                .run(context -> assertThat(threshold(context)).isEqualTo(Duration.ofMinutes(5)));
    }

    private static Duration threshold(org.springframework.context.ApplicationContext context) {
        return context.getBean(LuxarisHealthIndicator.class).engineHealth().stallThreshold();
    }

    @Test
    void theIndicator_canBeSwitchedOff_andNeedsActuatorsHealthSupport() {
        runner.withPropertyValues("management.health.luxaris.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("luxarisHealthIndicator"));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("luxarisHealthIndicator"));
    }
}
