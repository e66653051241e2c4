package io.luxaris.internal;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.domain.rules.ContentRule;
import io.luxaris.errors.Violation;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A channel provider with its catalog entry and publisher, as registered on one Luxaris instance. */
public record RegisteredChannel(ChannelProvider provider, Channel channel, ChannelPublisher publisher) {
    public String key() {
        return channel.key();
    }

    public TextMeasure measure() {
        return provider.textMeasure();
    }

    public ChannelLimits limits(Optional<ChannelConnection> connection) {
        return connection.map(provider::limitsFor).orElse(channel.limits());
    }

    /** Every content rule plus the provider's own checks, fields prefixed with {@code prefix}. */
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection, String prefix) {
        var violations = new ArrayList<Violation>(
                check(variant.content(), variant.thread(), variant.media(), connection, prefix));
        if (!variant.followUps().isEmpty()) {
            violations.addAll(ContentRule.checkFollowUps(
                    variant.followUps(),
                    provider.descriptor().followUps(),
                    channel.name(),
                    limits(connection),
                    measure(),
                    prefix));
        }
        for (Violation v : provider.validate(variant, connection)) {
            violations.add(
                    Violation.of(prefix.isEmpty() ? v.field() : prefix + "." + v.field(), v.rule(), v.message()));
        }
        return violations;
    }

    public List<Violation> check(
            String content,
            List<String> thread,
            List<MediaRef> media,
            Optional<ChannelConnection> connection,
            String prefix) {
        return ContentRule.check(content, thread, media, channel.name(), limits(connection), measure(), prefix);
    }
}
