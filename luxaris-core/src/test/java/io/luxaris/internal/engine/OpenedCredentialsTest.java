package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OpenedCredentialsTest {
    private final List<String> opened = new ArrayList<>();
    /** "Opens" bytes by reading them as the token; counts each opening. */
    private final Function<byte[], Credentials> open = bytes -> {
        String token = new String(bytes, StandardCharsets.UTF_8);
        opened.add(token);
        if (token.startsWith("corrupt")) {
            throw new IllegalStateException("cannot decrypt");
        }
        return Credentials.bearer(token);
    };

    @Test
    void theSameStoredBytes_areOpenedOnce_andChangedBytesAreOpenedAgain() {
        var kept = new OpenedCredentials(10);
        ConnectionId id = ConnectionId.random();

        Credentials first = kept.open(id, bytes("token-one"), open);
        Credentials again = kept.open(id, bytes("token-one"), open);
        Credentials rotated = kept.open(id, bytes("token-two"), open);

        assertThat(again).isSameAs(first);
        assertThat(rotated.accessToken()).contains("token-two");
        assertThat(opened).containsExactly("token-one", "token-two");
    }

    @Test
    void theCallersArray_changedAfterwards_doesNotChangeWhatIsKept() {
        var kept = new OpenedCredentials(10);
        ConnectionId id = ConnectionId.random();
        byte[] sealed = bytes("token-one");

        kept.open(id, sealed, open);
        sealed[0] = 'T';

        assertThat(kept.open(id, sealed, open).accessToken()).contains("Token-one");
        assertThat(opened).containsExactly("token-one", "Token-one");
    }

    @Test
    void bytesThatCannotBeOpened_areNeverKept_soEachStartTriesAgain() {
        var kept = new OpenedCredentials(10);
        ConnectionId id = ConnectionId.random();

        assertThatThrownBy(() -> kept.open(id, bytes("corrupt"), open)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kept.open(id, bytes("corrupt"), open)).isInstanceOf(IllegalStateException.class);

        assertThat(opened).containsExactly("corrupt", "corrupt");
        assertThat(kept.size()).isZero();
    }

    @Test
    void atCapacity_theLeastRecentlyStartedConnectionIsDropped() {
        var kept = new OpenedCredentials(2);
        ConnectionId a = ConnectionId.random();
        ConnectionId b = ConnectionId.random();
        ConnectionId c = ConnectionId.random();

        kept.open(a, bytes("a"), open);
        kept.open(b, bytes("b"), open);
        kept.open(a, bytes("a"), open); // a is the most recent now
        kept.open(c, bytes("c"), open); // drops b
        kept.open(a, bytes("a"), open);
        kept.open(b, bytes("b"), open);

        assertThat(kept.size()).isEqualTo(2);
        assertThat(opened).containsExactly("a", "b", "c", "b");
        assertThatThrownBy(() -> new OpenedCredentials(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
