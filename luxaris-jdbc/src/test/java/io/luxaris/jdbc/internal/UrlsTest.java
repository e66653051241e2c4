package io.luxaris.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void redact_hidesPasswordParametersAndUserInfo() {
        assertThat(Urls.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(Urls.redact("jdbc:mysql://app:s3cret@db:3306/app")).isEqualTo("jdbc:mysql://***@db:3306/app");
        assertThat(Urls.redact("jdbc:h2:file:/data/luxaris;USER=sa;PASSWORD=s3cret;LOCK_TIMEOUT=10000"))
                .isEqualTo("jdbc:h2:file:/data/luxaris;USER=sa;PASSWORD=***;LOCK_TIMEOUT=10000");
        assertThat(Urls.redact("jdbc:sqlserver://db;pwd=s3cret;databaseName=x"))
                .isEqualTo("jdbc:sqlserver://db;pwd=***;databaseName=x");
        assertThat(Urls.redact("jdbc:postgresql://db/app?sslpassword=k3y")).doesNotContain("k3y");
    }

    @Test
    void secrets_areThePasswordValues() {
        assertThat(Urls.secrets("jdbc:mysql://app:pw1@db/app?password=pw2&sslpassword=pw3"))
                .containsExactlyInAnyOrder("pw1", "pw2", "pw3");
        assertThat(Urls.secrets("jdbc:postgresql://db/app")).isEmpty();
    }

    @Test
    void scrub_copiesACauseChainThatLeaksASecret_keepingSqlStates() {
        var leaking = new RuntimeException(
                "pool failed", new SQLException("bad port: pw1@db", "08001", 7, new IllegalStateException("pw1")));
        Throwable safe = Urls.scrub(leaking, List.of("pw1"));
        var trace = new StringWriter();
        safe.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("pw1").contains("bad port: ***@db");
        assertThat(((SQLException) safe.getCause()).getSQLState()).isEqualTo("08001");

        var clean = new RuntimeException("connection refused");
        assertThat(Urls.scrub(clean, List.of("pw1"))).isSameAs(clean);
    }

    @Test
    void location_isHostPortAndDatabaseOnly() {
        assertThat(Urls.location("jdbc:postgresql://app:pw@db:5432/app?password=x"))
                .isEqualTo("db:5432/app");
        assertThat(Urls.location("jdbc:h2:mem:luxaris;DB_CLOSE_DELAY=-1")).isEqualTo("mem:luxaris");
        assertThat(Urls.location("jdbc:mariadb://127.0.0.1:3306/test")).isEqualTo("127.0.0.1:3306/test");
    }
}
