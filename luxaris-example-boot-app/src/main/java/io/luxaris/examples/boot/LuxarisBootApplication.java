package io.luxaris.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application on Spring Boot 4: its users are whoever the {@code X-User} header names (a real application
 * takes them from its own authentication), its database is Boot's DataSource, and Luxaris comes from
 * luxaris-spring-boot-starter. Run it with {@code spring.datasource.*} and {@code luxaris.secrets.keyset-file} set.
 */
@SpringBootApplication
public class LuxarisBootApplication {
    public static void main(String[] args) {
        SpringApplication.run(LuxarisBootApplication.class, args);
    }
}
