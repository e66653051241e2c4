package io.luxaris.domain.rules;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.errors.Violation;
import java.util.ArrayList;
import java.util.List;

/** Only a connected account on the variant's own, active channel can be scheduled to. */
public final class ConnectionRule {
    private ConnectionRule() {}

    /**
     * Checks that a connection can be scheduled to for a variant: rules {@code channel_mismatch}, {@code
     * connection_status} and {@code channel_disabled}.
     *
     * @param connection the account to publish through
     * @param channel the connection's channel, as in the catalog
     * @param variantChannel the channel the variant is written for
     * @param field the field the violations name, such as {@code connectionId}
     * @return the violations, empty when the connection can be used
     */
    public static List<Violation> check(
            ChannelConnection connection, Channel channel, ChannelId variantChannel, String field) {
        var violations = new ArrayList<Violation>();
        if (!connection.channelId().equals(variantChannel)) {
            violations.add(Violation.of(
                    field, "channel_mismatch", "connection " + connection.id() + " is not on the variant's channel"));
        }
        if (!connection.isConnected()) {
            violations.add(Violation.of(
                    field,
                    "connection_status",
                    "connection " + connection.displayName() + " is "
                            + connection.status().wireName()
                            + connection.statusReason().map(r -> " (" + r + ")").orElse("")
                            + "; reconnect it first"));
        }
        if (!channel.isActive()) {
            violations.add(Violation.of(
                    field, "channel_disabled", "channel " + channel.key() + " has no registered provider"));
        }
        return violations;
    }
}
