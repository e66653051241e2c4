package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.channels.linkedin.LinkedInChannel;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the LinkedIn channel when luxaris-channels-linkedin is on the class path (unless {@code
 * luxaris.channels.linkedin.enabled=false} or the context defines its own {@link LinkedInChannel}).
 */
@AutoConfiguration(before = LuxarisAutoConfiguration.class)
@ConditionalOnClass(name = "io.luxaris.channels.linkedin.LinkedInChannel")
@ConditionalOnProperty(prefix = "luxaris.channels.linkedin", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LinkedInChannelProperties.class)
public final class LuxarisLinkedInChannelAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(LinkedInChannel.class)
    LinkedInChannel luxarisLinkedInChannel(LinkedInChannelProperties p) {
        LinkedInChannel.Builder b = LinkedInChannel.builder();
        p.applyTo(b::baseUrl, b::connectTimeout, b::readTimeout, b::callTimeout);
        if (p.getOauthBaseUrl() != null) {
            b.oauthBaseUrl(p.getOauthBaseUrl());
        }
        if (p.getVersion() != null) {
            b.version(p.getVersion());
        }
        if (p.getClientId() != null || p.getClientSecret() != null) {
            b.oauthClient(
                    LuxarisXChannelAutoConfiguration.required(p.getClientId(), "luxaris.channels.linkedin.client-id"),
                    LuxarisXChannelAutoConfiguration.required(
                            p.getClientSecret(), "luxaris.channels.linkedin.client-secret"));
        }
        if (p.getVisibility() != null) {
            b.visibility(visibility(p.getVisibility()));
        }
        HttpClientProperties.set(p.getRefreshAhead(), b::refreshAhead);
        if (p.isDryRun()) {
            b.dryRun();
        }
        return b.build();
    }

    private static LinkedInChannel.Visibility visibility(String value) {
        try {
            return LinkedInChannel.Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("luxaris.channels.linkedin.visibility must be one of "
                    + Arrays.toString(LinkedInChannel.Visibility.values()) + " but was '" + value + "'");
        }
    }
}
