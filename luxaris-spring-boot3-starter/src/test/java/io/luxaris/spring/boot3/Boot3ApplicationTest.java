package io.luxaris.spring.boot3;

import io.luxaris.spring.boot.autoconfigure.RealApplicationContract;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

/** The real application on Boot 3.5.7 with the versions it pins (Flyway 11.7, HikariCP 6.3, Micrometer 1.15). */
class Boot3ApplicationTest extends RealApplicationContract {
    @Override
    protected String luxarisHealth(ConfigurableApplicationContext context) {
        return context.getBean("luxarisHealthIndicator", HealthIndicator.class)
                .health()
                .getStatus()
                .getCode();
    }
}
