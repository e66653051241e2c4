package io.luxaris.internal.engine;

import io.luxaris.domain.ConnectionId;
import io.luxaris.spi.security.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A working cipher that cannot decrypt the credentials of the connections it is told to fail for (a lost key). */
final class SelectiveCipher implements SecretCipher {
    private final SecretCipher delegate = SecretCipher.ephemeral();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    void cannotDecrypt(ConnectionId id) {
        unreadable.add(id.toString());
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return delegate.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        String context = new String(associatedData, StandardCharsets.UTF_8);
        if (unreadable.stream().anyMatch(context::endsWith)) {
            throw new SecurityException("ciphertext does not authenticate (test)");
        }
        return delegate.decrypt(ciphertext, associatedData);
    }
}
