package io.luxaris.spring.boot3;

import io.luxaris.spring.boot.autoconfigure.LuxarisEngineHealth;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The publishing engine's health for Boot 3.5's Actuator ({@code /actuator/health/luxaris}): UP, DOWN when the
 * engine loop died or is stuck, OUT_OF_SERVICE while it drains; never DOWN because a platform fails. See {@link
 * LuxarisEngineHealth}.
 */
public final class LuxarisHealthIndicator implements HealthIndicator {
    private final LuxarisEngineHealth health;

    public LuxarisHealthIndicator(LuxarisEngineHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    LuxarisEngineHealth engineHealth() {
        return health;
    }

    @Override
    public Health health() {
        LuxarisEngineHealth.Report report = health.check();
        Status status =
                switch (report.state()) {
                    case UP -> Status.UP;
                    case DOWN -> Status.DOWN;
                    case OUT_OF_SERVICE -> Status.OUT_OF_SERVICE;
                };
        return Health.status(status).withDetails(report.details()).build();
    }
}
