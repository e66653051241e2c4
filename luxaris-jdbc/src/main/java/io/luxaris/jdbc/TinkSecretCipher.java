package io.luxaris.jdbc;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.luxaris.spi.security.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Encrypts connection credentials at rest with a Tink AEAD keyset (AES-256-GCM by default). Luxaris passes the
 * connection id as associated data, so a ciphertext copied to another connection's row does not decrypt.
 *
 * <p>Key material comes from the host: a {@link KeysetHandle} (from a KMS, a secret manager...) or a JSON keyset
 * file ({@link #fromKeyFile}). Every ciphertext names the key that made it, so a keyset may hold several keys.
 *
 * <p><b>Key rotation</b>, with no downtime:
 *
 * <ol>
 *   <li>{@link #rotate(KeysetHandle)} adds a new key and makes it primary; the old keys stay for decryption.
 *       Deploy the new keyset to every instance: new credentials are encrypted with the new key, old ones still
 *       decrypt.
 *   <li>{@link JdbcStorage#reencryptCredentials(SecretCipher)} re-encrypts every stored credential with the new
 *       primary key.
 *   <li>{@link #retireOldKeys(KeysetHandle)} drops every key but the primary; deploy that keyset.
 * </ol>
 */
public final class TinkSecretCipher implements SecretCipher {
    private final Aead aead;

    private TinkSecretCipher(Aead aead) {
        this.aead = aead;
    }

    /** A cipher on the primary key of {@code keyset} (which must hold AEAD keys). */
    public static TinkSecretCipher of(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            register();
            return new TinkSecretCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the keyset does not hold usable AEAD keys", e);
        }
    }

    /** A cipher on the cleartext JSON keyset in {@code file} (written by {@link #writeKeyFile}). */
    public static TinkSecretCipher fromKeyFile(Path file) {
        return of(readKeyFile(file));
    }

    /** A new keyset with one random AES-256-GCM key. */
    public static KeysetHandle generateKeyset() {
        try {
            register();
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an AES-256-GCM key", e);
        }
    }

    /** {@code current} plus a new AES-256-GCM key, which becomes primary; the old keys stay enabled to decrypt. */
    public static KeysetHandle rotate(KeysetHandle current) {
        Objects.requireNonNull(current, "current");
        try {
            register();
            return KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to the keyset", e);
        }
    }

    /** {@code keyset} with only its primary key: once everything was re-encrypted, the old keys can go. */
    public static KeysetHandle retireOldKeys(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot remove keys from the keyset", e);
        }
    }

    /** How many enabled keys {@code keyset} holds. */
    public static int enabledKeys(KeysetHandle keyset) {
        int n = 0;
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getStatus() == KeyStatus.ENABLED) {
                n++;
            }
        }
        return n;
    }

    /** Reads a cleartext JSON keyset file. */
    public static KeysetHandle readKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            register();
            return TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyset file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the file " + file + " does not hold a valid Tink keyset", e);
        }
    }

    /**
     * Writes {@code keyset} as cleartext JSON to {@code file}, <b>replacing</b> the file atomically when there is
     * one (to deploy a rotated keyset), readable by the owner only where the file system supports POSIX
     * permissions. Protect the file like a password. To create a key file, use {@link #createKeyFile} or {@link
     * #fromKeyFileCreatingIt}, which never replace one.
     */
    public static void writeKeyFile(KeysetHandle keyset, Path file) {
        Objects.requireNonNull(keyset, "keyset");
        Objects.requireNonNull(file, "file");
        try {
            Path tmp = writeTemporary(keyset, file);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keyset file " + file, e);
        }
    }

    /**
     * Creates {@code file} holding {@code keyset} (cleartext JSON, owner-only where POSIX), only if there is no such
     * file: the keyset is written to a temporary file in the same directory, then linked into place, which fails
     * when the name exists (so readers never see a half-written file). An existing file is never replaced.
     *
     * @throws UncheckedIOException with a {@link FileAlreadyExistsException} cause when {@code file} exists
     */
    public static void createKeyFile(KeysetHandle keyset, Path file) {
        Objects.requireNonNull(keyset, "keyset");
        Objects.requireNonNull(file, "file");
        try {
            Path tmp = writeTemporary(keyset, file);
            try {
                linkIntoPlace(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("the keyset file " + file + " exists already; it is never replaced", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the keyset file " + file, e);
        }
    }

    /**
     * A cipher on the keyset in {@code file}, which is created with a new AES-256-GCM key when it does not exist.
     * Safe when several processes start at once on a fresh directory: exactly one creates the file (see {@link
     * #createKeyFile}) and every other one loads that keyset, so they all encrypt with the same key. An existing
     * file, even an unreadable one, is never replaced: it is read, or this fails.
     */
    public static TinkSecretCipher fromKeyFileCreatingIt(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            try {
                createKeyFile(generateKeyset(), file);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
                return readRacedKeyFile(file); // another process created it first: use theirs
            }
        }
        return fromKeyFile(file);
    }

    /**
     * Reads a key file another process has just created. With hard links it is complete at once; where the file
     * system has none, its creator may still be writing it, so an incomplete file is read again for a while.
     */
    private static TinkSecretCipher readRacedKeyFile(Path file) {
        for (int attempt = 1; ; attempt++) {
            try {
                return fromKeyFile(file);
            } catch (IllegalArgumentException e) {
                if (attempt >= 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** {@code keyset} as JSON in a new owner-only temporary file beside {@code file}. */
    private static Path writeTemporary(KeysetHandle keyset, Path file) throws IOException {
        String json;
        try {
            json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialize the keyset", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".luxaris-keyset", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Gives the complete temporary file the name {@code file} unless that name exists: a hard link (atomic, fails
     * on an existing name); where the file system has no hard links, an exclusive create followed by a copy.
     */
    private static void linkIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // no hard links here
        }
        try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Files.copy(tmp, out);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new SecurityException("encrypting credentials failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(associatedData, "associatedData");
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new SecurityException("stored credentials do not authenticate: they were encrypted with a key"
                    + " this keyset does not hold, altered, or copied from another connection");
        }
    }

    @Override
    public String toString() {
        return "TinkSecretCipher[AEAD]";
    }

    private static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }
}
