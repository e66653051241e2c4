/**
 * The outbox channel: a complete Luxaris channel plugin, written only against the channel SPI
 * ({@code io.luxaris.spi.channel}), that "publishes" a post by appending it as one JSON line to a local file.
 *
 * <p>This package is the template plugin authors copy. It shows every part a channel needs:
 *
 * <ul>
 *   <li>{@link io.luxaris.examples.outbox.OutboxChannel}: the {@code ChannelProvider} with a stable key, a
 *       descriptor (name and limits, which Luxaris checks before it schedules anything), a builder for explicit
 *       registration and a public no-arg constructor for {@link java.util.ServiceLoader} discovery (declared with
 *       {@code @AutoService(ChannelProvider.class)}; a modular plugin also adds {@code provides} to its
 *       module-info);
 *   <li>{@code OutboxPublisher}: the publisher, with honest outcomes (a failure that certainly wrote nothing is
 *       {@code RETRYABLE}; one that may have written the post is {@code UNKNOWN}; content the channel cannot take
 *       is {@code REJECTED}) and a {@code lookup} that lets Luxaris reconcile an unknown outcome instead of
 *       leaving it to a person;
 *   <li>its tests: a thin subclass of the testkit's {@code ChannelContract} plus focused unit tests.
 * </ul>
 *
 * <p>A real platform plugin replaces the file with HTTP calls; the outcome rules stay the same.
 */
@NullMarked
package io.luxaris.examples.outbox;

import org.jspecify.annotations.NullMarked;
