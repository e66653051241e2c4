package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.luxaris.Luxaris;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.VariantDraft;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file database is readable by its owner only (POSIX): its files 0600, a directory made for it 0700. */
class H2FilePermissionsTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
    }

    private static Map<String, String> modes(Path dir) throws IOException {
        var modes = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                modes.put(p.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }

    private static void use(JdbcStorage storage) {
        try (Luxaris luxaris = Luxaris.builder()
                .storage(storage)
                .channel(ScriptedChannel.create("fake"))
                .secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()))
                .build()) {
            for (int i = 0; i < 20; i++) {
                luxaris.posts()
                        .create(
                                Principal.of("alice"),
                                PostDraft.of("post " + i).withVariant(VariantDraft.of("fake", "text " + i)));
            }
        }
    }

    @Test
    void embedded_createsItsDirectoryAndFiles_forTheOwnerOnly() throws IOException {
        Path dir = temp.resolve("data");
        try (JdbcStorage storage = JdbcStorage.embedded(dir)) {
            use(storage);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        Map<String, String> modes = modes(dir);
        assertThat(modes).containsKey("luxaris.mv.db");
        assertThat(modes).allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
    }

    @Test
    void aWorldReadableDatabase_isNarrowed_whenOpened() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("old"));
        try (JdbcStorage storage = JdbcStorage.embedded(dir)) {
            use(storage);
        }
        Files.setPosixFilePermissions(dir.resolve("luxaris.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (JdbcStorage storage = JdbcStorage.embedded(dir)) {
            use(storage);
        }
        assertThat(modes(dir))
                .allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
    }

    @Test
    void aFileUrl_givenToTheBuilder_isPrivateToo() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("url"));
        try (JdbcStorage storage = JdbcStorage.builder()
                .url("jdbc:h2:file:" + dir.resolve("app") + ";LOCK_TIMEOUT=10000")
                .build()) {
            use(storage);
        }
        assertThat(modes(dir))
                .containsKey("app.mv.db")
                .allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
    }
}
