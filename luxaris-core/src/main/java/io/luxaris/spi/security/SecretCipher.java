package io.luxaris.spi.security;

/**
 * Authenticated encryption of connection credentials. Luxaris passes the connection id as associated data, so a
 * ciphertext copied to another row does not decrypt. Implementations must throw {@link SecurityException} (with
 * a message free of key material) when a ciphertext does not authenticate.
 */
public interface SecretCipher {
    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    byte[] decrypt(byte[] ciphertext, byte[] associatedData);

    /**
     * AES-256-GCM with a random key held in this process only: fine for the in-memory storage and for tests,
     * useless for durable storage (credentials could not be read after a restart).
     */
    static SecretCipher ephemeral() {
        return AesGcmCipher.random();
    }

    /** AES-GCM with the given 16-, 24- or 32-byte key, for hosts that manage the key themselves. */
    static SecretCipher aesGcm(byte[] key) {
        return new AesGcmCipher(key);
    }
}
