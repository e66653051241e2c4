package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes starting at once on a fresh data directory must end up with one key: before, each wrote its
 * own keyset over the others' and the credentials stored under the lost keys could never be read again.
 */
class KeyFileRaceTest {
    private static final int ROUNDS = 200;
    private static final int RACERS = 4;
    private static final byte[] SECRET = "access-token-1234".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONNECTION = "luxaris-connection:1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Test
    void racersOnAFreshDirectory_allGetTheSameKey_andLeaveOneFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path dir = Files.createDirectory(temp.resolve("round-" + round));
                Path file = dir.resolve("luxaris-keyset.json");
                var start = new CyclicBarrier(RACERS);
                var results = new ArrayList<Future<TinkSecretCipher>>();
                for (int i = 0; i < RACERS; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return TinkSecretCipher.fromKeyFileCreatingIt(file);
                    }));
                }
                List<byte[]> sealed = new ArrayList<>();
                List<TinkSecretCipher> ciphers = new ArrayList<>();
                for (Future<TinkSecretCipher> f : results) {
                    TinkSecretCipher cipher = f.get();
                    ciphers.add(cipher);
                    sealed.add(cipher.encrypt(SECRET, CONNECTION));
                }
                TinkSecretCipher stored = TinkSecretCipher.fromKeyFile(file);
                for (byte[] s : sealed) {
                    assertThat(stored.decrypt(s, CONNECTION))
                            .as("round %d", round)
                            .isEqualTo(SECRET);
                    for (TinkSecretCipher c : ciphers) {
                        assertThat(c.decrypt(s, CONNECTION))
                                .as("round %d", round)
                                .isEqualTo(SECRET);
                    }
                }
                try (Stream<Path> files = Files.list(dir)) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .as("round %d: the key file and no temporary file", round)
                            .containsExactly("luxaris-keyset.json");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExistingKeyFile_isNeverReplaced() throws Exception {
        Path file = temp.resolve("keyset.json");
        TinkSecretCipher.createKeyFile(TinkSecretCipher.generateKeyset(), file);
        String before = Files.readString(file);

        assertThatThrownBy(() -> TinkSecretCipher.createKeyFile(TinkSecretCipher.generateKeyset(), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("never replaced");
        TinkSecretCipher.fromKeyFileCreatingIt(file);
        assertThat(Files.readString(file)).isEqualTo(before);

        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{\"half\":");
        assertThatThrownBy(() -> TinkSecretCipher.fromKeyFileCreatingIt(broken))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(broken)).isEqualTo("{\"half\":");
    }
}
