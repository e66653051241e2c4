package io.luxaris.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void secretValues_areTheValuesOfAtLeastFourCharacters_exceptExpiriesAndScope() {
        var credentials = new Credentials(Map.of(
                Credentials.ACCESS_TOKEN,
                "access-1",
                Credentials.REFRESH_TOKEN,
                "refresh-1",
                Credentials.TOKEN_SECRET,
                "abc",
                Credentials.EXPIRES_AT,
                "2026-12-06T10:00:00Z",
                Credentials.REFRESH_EXPIRES_AT,
                "2027-01-06T10:00:00Z",
                Credentials.SCOPE,
                "tweet.write offline.access",
                "app_password",
                "hunter22"));

        assertThat(credentials.secretValues()).containsExactlyInAnyOrder("access-1", "refresh-1", "hunter22");
        assertThatThrownBy(() -> credentials.secretValues().add("more"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
