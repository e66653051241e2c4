package io.luxaris.internal;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.spi.security.SecretCipher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/** Serializes credentials (a small binary format) and seals them with the connection id as associated data. */
public final class CredentialCodec {
    private static final int FORMAT = 1;

    private CredentialCodec() {}

    public static byte[] seal(SecretCipher cipher, ConnectionId connection, Credentials credentials) {
        return cipher.encrypt(encode(credentials), associatedData(connection));
    }

    public static Credentials open(SecretCipher cipher, ConnectionId connection, byte[] sealed) {
        return decode(cipher.decrypt(sealed, associatedData(connection)));
    }

    static byte[] associatedData(ConnectionId connection) {
        return ("luxaris-connection:" + connection).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(Credentials credentials) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(credentials.values().size());
            for (var e : credentials.values().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Credentials decode(byte[] data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new SecurityException("unknown credentials format " + format);
            }
            int n = in.readInt();
            if (n < 0 || n > 1000) {
                throw new SecurityException("corrupt credentials");
            }
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < n; i++) {
                map.put(readString(in), readString(in));
            }
            return new Credentials(map);
        } catch (IOException e) {
            throw new SecurityException("corrupt credentials");
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > 1 << 20) {
            throw new SecurityException("corrupt credentials");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }
}
