package io.luxaris.spi.security;

/**
 * Authenticated encryption of connection credentials. Luxaris passes the connection id as associated data, so a
 * ciphertext copied to another row does not decrypt. Implementations must throw {@link SecurityException} (with
 * a message free of key material) when a ciphertext does not authenticate.
 */
public interface SecretCipher {
    /**
     * Encrypts and authenticates.
     *
     * @param plaintext the serialized credentials
     * @param associatedData authenticated but not encrypted (the connection id)
     * @return the ciphertext, with whatever the cipher needs to decrypt it (nonce, tag, version)
     * @throws SecurityException when encryption fails
     */
    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    /**
     * Decrypts and checks authenticity.
     *
     * @param ciphertext what {@link #encrypt} returned
     * @param associatedData the same associated data as when encrypting
     * @return the plaintext
     * @throws SecurityException when the ciphertext does not authenticate (another key, another connection, altered)
     */
    byte[] decrypt(byte[] ciphertext, byte[] associatedData);

    /**
     * AES-256-GCM with a random key held in this process only: fine for the in-memory storage and for tests, useless
     * for durable storage (credentials could not be read after a restart).
     *
     * @return a new cipher with a new key
     */
    static SecretCipher ephemeral() {
        return AesGcmCipher.random();
    }

    /**
     * AES-GCM with the given 16-, 24- or 32-byte key, for hosts that manage the key themselves.
     *
     * @param key the AES key; copied
     * @return the cipher
     * @throws IllegalArgumentException when the key is not 16, 24 or 32 bytes long
     */
    static SecretCipher aesGcm(byte[] key) {
        return new AesGcmCipher(key);
    }
}
