package io.luxaris.spi.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** JDK AES-GCM: a 12-byte random nonce, then the ciphertext with its 16-byte tag. */
final class AesGcmCipher implements SecretCipher {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    // One Cipher per thread: getInstance parses the transformation and looks up the provider, and a fresh
    // instance expands the AES key again on every init; a reused one keeps the expanded key (same key object).
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AesGcmCipher::newCipher);

    AesGcmCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
        }
    }

    static AesGcmCipher random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new AesGcmCipher(key);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new SecurityException("credential encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext.length < 1 + NONCE + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new SecurityException("credentials are not in a format this cipher wrote");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext, 1 + NONCE, ciphertext.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new SecurityException("credentials do not decrypt with this key for this connection");
        }
    }

    @Override
    public String toString() {
        return "AesGcmCipher[key redacted]";
    }
}
