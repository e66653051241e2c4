package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials are stored encrypted, bound to their connection, and survive a key rotation. */
class CredentialsAtRestTest {
    private static final String TOKEN = "access-token-that-must-never-be-stored-in-clear";
    private static final String REFRESH = "refresh-token-that-must-never-be-stored-in-clear";

    private static Luxaris luxaris(JdbcStorage storage, SecretCipher cipher) {
        return Luxaris.builder()
                .storage(storage)
                .secretCipher(cipher)
                .channel(ScriptedChannel.create("fake"))
                .build();
    }

    private static Credentials credentials() {
        return Credentials.oauth2(TOKEN, REFRESH, Instant.now().plus(2, ChronoUnit.HOURS));
    }

    private static byte[] stored(JdbcStorage storage, ChannelConnection c) {
        Storage s = storage.open(new StorageContext(Clock.systemUTC()));
        return s.readOnly((Transaction tx) -> tx.connections().credentials(c.id()))
                .orElseThrow();
    }

    @Test
    void credentials_areStoredEncrypted_andLuxarisReadsThemBack(@TempDir Path dir) {
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, cipher)) {
            assertThat(luxaris.publishing().status()).isNotNull();
            ChannelConnection c = luxaris.channels()
                    .connect(Principal.of("alice"), ConnectionRequest.of("fake", "@alice", credentials()));
            String raw = new String(stored(storage, c), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(TOKEN).doesNotContain(REFRESH).doesNotContain("access_token");
            assertThat(luxaris.channels().health(Principal.of("alice"), c.id()).refreshable())
                    .as("decrypted: the refresh token is there")
                    .isTrue();
        }
    }

    @Test
    void aCiphertextMovedToAnotherConnection_doesNotDecrypt(@TempDir Path dir) {
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, cipher)) {
            var alice = Principal.of("alice");
            ChannelConnection a = luxaris.channels().connect(alice, ConnectionRequest.of("fake", "@a", credentials()));
            ChannelConnection b = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@b", Credentials.bearer("other-token")));
            Storage s = storage.open(new StorageContext(Clock.systemUTC()));
            s.inTransaction((Transaction tx) -> {
                tx.connections()
                        .updateCredentials(
                                b.id(), tx.connections().credentials(a.id()).orElseThrow());
                return null;
            });
            assertThat(luxaris.channels().health(alice, a.id()).refreshable()).isTrue();
            var moved = luxaris.channels().health(alice, b.id());
            assertThat(moved.status()).isEqualTo(ConnectionStatus.ERROR);
            assertThat(moved.needsReauthorization()).isTrue();
            assertThat(moved.reason())
                    .hasValueSatisfying(
                            r -> assertThat(r).contains("cannot be decrypted").doesNotContain(TOKEN));
        }
    }

    @Test
    void keyRotation_oldCredentialsStayReadable_reencryptionMovesThemToTheNewKey_theOldKeyCanGo(@TempDir Path dir) {
        KeysetHandle v1 = TinkSecretCipher.generateKeyset();
        ChannelConnection c;
        byte[] before;
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, TinkSecretCipher.of(v1))) {
            c = luxaris.channels().connect(Principal.of("alice"), ConnectionRequest.of("fake", "@a", credentials()));
            before = stored(storage, c);
        }
        // 1. a new primary key; every instance gets the new keyset: the old ciphertext still decrypts
        KeysetHandle v2 = TinkSecretCipher.rotate(v1);
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, TinkSecretCipher.of(v2))) {
            assertThat(luxaris.channels().health(Principal.of("alice"), c.id()).refreshable())
                    .isTrue();
            // 2. re-encrypt everything with the new primary key
            assertThat(storage.reencryptCredentials(TinkSecretCipher.of(v2))).isEqualTo(1);
            assertThat(stored(storage, c)).isNotEqualTo(before);
        }
        // 3. retire the old key: everything still decrypts; the old keyset alone no longer does
        KeysetHandle v3 = TinkSecretCipher.retireOldKeys(v2);
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, TinkSecretCipher.of(v3))) {
            assertThat(luxaris.channels().health(Principal.of("alice"), c.id()).refreshable())
                    .isTrue();
        }
        try (JdbcStorage storage = JdbcStorage.embedded(dir);
                Luxaris luxaris = luxaris(storage, TinkSecretCipher.of(v1))) {
            var health = luxaris.channels().health(Principal.of("alice"), c.id());
            assertThat(health.needsReauthorization())
                    .as("the old keyset alone cannot read it")
                    .isTrue();
            assertThat(health.reason()).hasValueSatisfying(r -> assertThat(r).contains("cannot be decrypted"));
        }
    }
}
