package io.luxaris.jdbc;

import io.luxaris.Luxaris;
import io.luxaris.spi.engine.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A host application in its own JVM, for {@link KilledProcessTest}: an engine on PostgreSQL publishing to a
 * {@link Ledger} channel until the process is killed; after {@link #HANG_AFTER} publish calls, every further call
 * hangs mid-publish. Arguments: JDBC URL, schema, key file, ledger file, instance id.
 */
final class EngineProcess {
    static final int HANG_AFTER = 300;

    private EngineProcess() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        Path keyFile = Path.of(args[2]);
        Path ledgerFile = Path.of(args[3]);
        String instance = args[4];
        long t0 = System.nanoTime();
        JdbcStorage storage = JdbcStorage.builder()
                .url(url)
                .user("postgres")
                .schema(schema)
                .migrate(false)
                .build();
        Luxaris luxaris = Luxaris.builder()
                .storage(storage)
                .secretCipher(TinkSecretCipher.fromKeyFile(keyFile))
                .channel(new Ledger(ledgerFile).channel(Duration.ofMillis(5), HANG_AFTER))
                .engine(settings())
                .instanceId(instance)
                .build();
        luxaris.publishing().start();
        System.out.println("engine process " + ProcessHandle.current().pid() + " started its engine after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static EngineSettings settings() {
        return EngineSettings.builder()
                .maxConcurrency(16)
                .perConnectionConcurrency(16)
                .claimBatchSize(64)
                .leaseDuration(Duration.ofSeconds(3))
                .reapInterval(Duration.ofSeconds(1))
                .maxIdleSleep(Duration.ofMillis(500))
                .build();
    }
}
