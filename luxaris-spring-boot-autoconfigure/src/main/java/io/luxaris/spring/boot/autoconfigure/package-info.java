/**
 * Spring Boot auto-configuration of Luxaris shared by the Boot 3.5 and Boot 4 starters: the {@code Luxaris} bean
 * and its {@code luxaris.*} properties, the engine lifecycle, metrics and tracing, the engine health evaluation.
 */
@NullMarked
package io.luxaris.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
