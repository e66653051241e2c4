package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.channels.x.XChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the X channel when luxaris-channels-x is on the class path (unless {@code
 * luxaris.channels.x.enabled=false} or the context defines its own {@link XChannel}).
 */
@AutoConfiguration(before = LuxarisAutoConfiguration.class)
@ConditionalOnClass(name = "io.luxaris.channels.x.XChannel")
@ConditionalOnProperty(prefix = "luxaris.channels.x", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(XChannelProperties.class)
public final class LuxarisXChannelAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(XChannel.class)
    XChannel luxarisXChannel(XChannelProperties p) {
        XChannel.Builder b = XChannel.builder();
        p.applyTo(b::baseUrl, b::connectTimeout, b::readTimeout, b::callTimeout);
        if (p.getClientId() != null) {
            if (p.getClientSecret() != null) {
                b.oauth2Client(p.getClientId(), p.getClientSecret());
            } else {
                b.oauth2Client(p.getClientId());
            }
        }
        if (p.getConsumerKey() != null || p.getConsumerSecret() != null) {
            b.oauth1Consumer(
                    required(p.getConsumerKey(), "luxaris.channels.x.consumer-key"),
                    required(p.getConsumerSecret(), "luxaris.channels.x.consumer-secret"));
        }
        HttpClientProperties.set(p.getRefreshAhead(), b::refreshAhead);
        if (p.isDryRun()) {
            b.dryRun();
        }
        return b.build();
    }

    static String required(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set");
        }
        return value;
    }
}
