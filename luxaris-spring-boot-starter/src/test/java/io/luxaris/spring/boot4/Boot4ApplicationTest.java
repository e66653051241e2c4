package io.luxaris.spring.boot4;

import io.luxaris.spring.boot.autoconfigure.RealApplicationContract;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

/** The real application on Boot 4.0.7 with the versions it pins (Flyway 11.14, HikariCP 7, Micrometer 1.16). */
class Boot4ApplicationTest extends RealApplicationContract {
    @Override
    protected String luxarisHealth(ConfigurableApplicationContext context) {
        return context.getBean("luxarisHealthIndicator", HealthIndicator.class)
                .health()
                .getStatus()
                .getCode();
    }
}
