/**
 * The channel SPI: a {@link io.luxaris.spi.channel.ChannelProvider} describes a platform (name, limits, text
 * measure) and creates the {@link io.luxaris.spi.channel.ChannelPublisher} the engine calls, with the outcomes it
 * returns, the per-attempt context and the host's media source.
 */
@NullMarked
package io.luxaris.spi.channel;

import org.jspecify.annotations.NullMarked;
