package io.luxaris.benchmarks.harness;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * db-scheduler (com.github.kagkarlsson:db-scheduler 16.x) on its own schema: the PostgreSQL {@code scheduled_tasks}
 * table of its documentation, one one-time task {@code noop-publish} whose instance id is the harness' number and
 * whose handler does the no-op work, and one scheduler with the documented high-throughput settings: polling
 * strategy lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP LOCKED} in one statement on PostgreSQL) with lower and
 * upper limits of 1.0 and 4.0 times the threads, as many threads as Luxaris' {@code maxConcurrency}, and a HikariCP
 * pool of threads + 3 connections. A finished one-time execution is deleted from the table.
 */
final class DbSchedulerEngine implements Engine {
    static final String TASK = "noop-publish";
    private static final int BATCH = 1_000;

    /** The table of db-scheduler's documentation (postgresql_tables.sql of the 16.x line). */
    static final String[] DDL = {
        "CREATE TABLE scheduled_tasks ("
                + " task_name text NOT NULL,"
                + " task_instance text NOT NULL,"
                + " task_data bytea,"
                + " execution_time timestamp with time zone NOT NULL,"
                + " picked BOOLEAN NOT NULL,"
                + " picked_by text,"
                + " last_success timestamp with time zone,"
                + " last_failure timestamp with time zone,"
                + " consecutive_failures INT,"
                + " last_heartbeat timestamp with time zone,"
                + " version BIGINT NOT NULL,"
                + " priority SMALLINT,"
                + " PRIMARY KEY (task_name, task_instance))",
        "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
        "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
        "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)"
    };

    private final Pg pg;
    private final String schema;
    private final int threads;
    private final double lowerLimit;
    private final double upperLimit;
    private final Duration pollingInterval;
    private final Recorder recorder;
    private final OneTimeTask<Void> task;
    /** The pool's size (default threads + 3) and where executions run (null: db-scheduler's own pool). */
    private int poolSize;

    private ExecutorService executor;
    private HikariDataSource pool;
    private Scheduler scheduler;
    private boolean stopped;

    DbSchedulerEngine(
            Pg pg,
            String schema,
            int threads,
            double lowerLimit,
            double upperLimit,
            Duration pollingInterval,
            Recorder recorder) {
        this.pg = pg;
        this.schema = schema;
        this.threads = threads;
        this.lowerLimit = lowerLimit;
        this.upperLimit = upperLimit;
        this.pollingInterval = pollingInterval;
        this.recorder = recorder;
        this.poolSize = threads + 3;
        this.task = Tasks.oneTime(TASK).execute((instance, context) -> {
            int i;
            try {
                i = Integer.parseInt(instance.getId());
            } catch (NumberFormatException e) {
                recorder.unknownCall();
                return;
            }
            recorder.called(i);
        });
    }

    /** A pool of {@code size} connections and executions on {@code executor} (null: its own pool of threads). */
    DbSchedulerEngine resources(int size, ExecutorService executor) {
        this.poolSize = size;
        this.executor = executor;
        return this;
    }

    @Override
    public String name() {
        return "db-scheduler";
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Map<String, Object> settings() {
        var m = new LinkedHashMap<String, Object>();
        m.put("version", Versions.of("com.github.kagkarlsson", "db-scheduler"));
        m.put("pollingStrategy", "lock-and-fetch (pollUsingLockAndFetch)");
        m.put("lowerLimitFractionOfThreads", lowerLimit);
        m.put("upperLimitFractionOfThreads", upperLimit);
        m.put("threads", threads);
        m.put("pollingInterval", pollingInterval.toString());
        m.put("poolSize", poolSize);
        if (executor != null) {
            m.put("executor", "a virtual thread per execution");
        }
        m.put("immediateExecution", false);
        m.put("task", "one-time, no data, deleted when done");
        return m;
    }

    @Override
    public void setUp() throws Exception {
        pg.recreateSchema(schema);
        pg.execute(schema, DDL);
    }

    /** Inserts with the client's {@code scheduleBatch} (JDBC batches of 1,000). */
    @Override
    public void seedDue(int n, IntFunction<Instant> dueAt) {
        try (HikariDataSource loader = pg.pool("aux-seed-db-scheduler", schema, 2)) {
            SchedulerClient client =
                    SchedulerClient.Builder.create(loader, task).build();
            var batch = new ArrayList<SchedulableInstance<?>>(BATCH);
            for (int i = 0; i < n; i++) {
                batch.add(SchedulableInstance.of(task.instance(Integer.toString(i)), dueAt.apply(i)));
                if (batch.size() == BATCH) {
                    client.scheduleBatch(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                client.scheduleBatch(List.copyOf(batch));
            }
        }
    }

    @Override
    public void prepareProduction(int n) {
        // nothing: a one-time task instance needs no prior row
    }

    @Override
    public void build() {
        pool = pg.pool("db-scheduler", schema, poolSize);
        var b = Scheduler.create(pool, task)
                .threads(threads)
                .pollUsingLockAndFetch(lowerLimit, upperLimit)
                .pollingInterval(pollingInterval)
                .schedulerName(new SchedulerName.Fixed("db-scheduler-1"));
        if (executor != null) {
            b.executorService(executor);
        }
        scheduler = b.build();
    }

    @Override
    public void start() {
        scheduler.start();
    }

    @Override
    public void produce(int i, Instant runAt) {
        scheduler.schedule(task.instance(Integer.toString(i)), runAt);
    }

    @Override
    public String remainingSql() {
        return "SELECT count(*) FROM " + schema + ".scheduled_tasks";
    }

    @Override
    public void stop() {
        if (scheduler != null && !stopped) {
            stopped = true;
            scheduler.stop();
        }
    }

    @Override
    public void verify(int n, Result result) throws Exception {
        long left = pg.number(schema, "SELECT count(*) FROM scheduled_tasks");
        result.put("rowsLeft", left);
        result.check(left == 0, "every execution done and deleted");
    }

    @Override
    public void close() {
        stop();
        scheduler = null;
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
