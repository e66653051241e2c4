package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkSecretCipherTest {
    private static final byte[] SECRET = "access_token=tok-very-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONNECTION_A = "luxaris-connection:a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONNECTION_B = "luxaris-connection:b".getBytes(StandardCharsets.UTF_8);

    @Test
    void encryptThenDecrypt_withTheSameAssociatedData_roundTrips() {
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        byte[] sealed = cipher.encrypt(SECRET, CONNECTION_A);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("tok-very-secret");
        assertThat(cipher.decrypt(sealed, CONNECTION_A)).isEqualTo(SECRET);
        assertThat(cipher.encrypt(SECRET, CONNECTION_A))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void aCiphertextOfAnotherConnection_doesNotDecrypt_andTheMessageIsSafe() {
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        byte[] sealed = cipher.encrypt(SECRET, CONNECTION_A);
        assertThatThrownBy(() -> cipher.decrypt(sealed, CONNECTION_B))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("do not authenticate")
                .hasMessageNotContaining("tok-very-secret")
                .hasNoCause();
    }

    @Test
    void anAlteredCiphertext_doesNotDecrypt() {
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        byte[] sealed = cipher.encrypt(SECRET, CONNECTION_A);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, CONNECTION_A)).isInstanceOf(SecurityException.class);
    }

    @Test
    void anotherKeyset_cannotDecrypt() {
        byte[] sealed = TinkSecretCipher.of(TinkSecretCipher.generateKeyset()).encrypt(SECRET, CONNECTION_A);
        assertThatThrownBy(() ->
                        TinkSecretCipher.of(TinkSecretCipher.generateKeyset()).decrypt(sealed, CONNECTION_A))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void aKeyFile_roundTrips_andOnlyItsOwnerMayReadIt(@TempDir Path dir) throws Exception {
        KeysetHandle keyset = TinkSecretCipher.generateKeyset();
        Path file = dir.resolve("keyset.json");
        TinkSecretCipher.writeKeyFile(keyset, file);
        byte[] sealed = TinkSecretCipher.of(keyset).encrypt(SECRET, CONNECTION_A);
        assertThat(TinkSecretCipher.fromKeyFile(file).decrypt(sealed, CONNECTION_A))
                .isEqualTo(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> TinkSecretCipher.fromKeyFile(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json");
        Files.writeString(dir.resolve("bad.json"), "{\"not\":\"a keyset\"}");
        assertThatThrownBy(() -> TinkSecretCipher.fromKeyFile(dir.resolve("bad.json")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotation_keepsOldCiphertextsReadable_encryptsWithTheNewKey_andRetiresTheOldOne() {
        KeysetHandle v1 = TinkSecretCipher.generateKeyset();
        byte[] old = TinkSecretCipher.of(v1).encrypt(SECRET, CONNECTION_A);

        KeysetHandle v2 = TinkSecretCipher.rotate(v1);
        assertThat(TinkSecretCipher.enabledKeys(v2)).isEqualTo(2);
        assertThat(v2.getPrimary().getId()).isNotEqualTo(v1.getPrimary().getId());
        var rotated = TinkSecretCipher.of(v2);
        assertThat(rotated.decrypt(old, CONNECTION_A))
                .as("old ciphertexts still decrypt")
                .isEqualTo(SECRET);
        byte[] fresh = rotated.encrypt(SECRET, CONNECTION_A);
        assertThatThrownBy(() -> TinkSecretCipher.of(v1).decrypt(fresh, CONNECTION_A))
                .as("new ciphertexts use the new key")
                .isInstanceOf(SecurityException.class);

        KeysetHandle v3 = TinkSecretCipher.retireOldKeys(v2);
        assertThat(TinkSecretCipher.enabledKeys(v3)).isEqualTo(1);
        assertThat(v3.getPrimary().getId()).isEqualTo(v2.getPrimary().getId());
        assertThat(TinkSecretCipher.of(v3).decrypt(fresh, CONNECTION_A)).isEqualTo(SECRET);
        assertThatThrownBy(() -> TinkSecretCipher.of(v3).decrypt(old, CONNECTION_A))
                .as("what was not re-encrypted is unreadable once its key is retired")
                .isInstanceOf(SecurityException.class);
    }
}
