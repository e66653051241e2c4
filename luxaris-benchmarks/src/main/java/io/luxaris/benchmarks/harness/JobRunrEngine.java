package io.luxaris.benchmarks.harness;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.configuration.BackgroundJobServerThreadType;
import org.jobrunr.server.configuration.DefaultBackgroundJobServerWorkerPolicy;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr (org.jobrunr:jobrunr 8.x, the open-source edition) on its own schema: its {@code PostgresStorageProvider}
 * (tables created by its own migrations, {@code DatabaseOptions.CREATE}) on a HikariCP pool, the Jackson JSON mapper,
 * and one {@code BackgroundJobServer} with a worker count of {@code --concurrency} and the poll interval at the
 * smallest JobRunr accepts for SQL storage (5 s; its default is 15 s). Workers are virtual threads or platform threads
 * as {@code --threads} says (JobRunr's own default: virtual on Java 21+).
 *
 * <p>Each schedule is a job request ({@link Call}, the schedule's number) scheduled at its due time through the
 * {@code JobRequestScheduler}; its handler does the harness' work. A burn-down's jobs are written with {@code
 * create(Stream<JobBuilder>)}, JobRunr's bulk API. JobRunr keeps succeeded jobs (it deletes them after 36 h), so a
 * run is done when every job of the run is SUCCEEDED.
 *
 * <p>Two properties of JobRunr's design show in the figures: a scheduled job is moved to the queue by the poll that
 * finds it due within the next poll interval, so it may run up to one poll interval <em>before</em> its time (the
 * harness reports such calls); and the open-source edition has no per-key serialisation (no mutex), so nothing keeps
 * one account's jobs in order or apart.
 */
final class JobRunrEngine implements Engine {
    /** The smallest poll interval JobRunr accepts for a SQL storage provider. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final Pg pg;
    private final String schema;
    private final int workers;
    private final int poolSize;
    private final boolean virtualThreads;
    private final Recorder recorder;
    private final JsonMapper json = new JacksonJsonMapper();
    private HikariDataSource pool;
    private BackgroundJobServer server;
    private JobRequestScheduler scheduler;
    private boolean stopped;

    /** The job: the harness' number of the schedule. */
    public record Call(int number) implements JobRequest {
        @Override
        public Class<Handler> getJobRequestHandler() {
            return Handler.class;
        }
    }

    /** Does the harness' work for a {@link Call}; one instance per engine, handed out by the job activator. */
    public static final class Handler implements JobRequestHandler<Call> {
        private final Recorder recorder;

        Handler(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void run(Call call) {
            recorder.called(call.number());
        }
    }

    JobRunrEngine(Pg pg, String schema, int workers, int poolSize, boolean virtualThreads, Recorder recorder) {
        this.pg = pg;
        this.schema = schema;
        this.workers = workers;
        this.poolSize = poolSize;
        this.virtualThreads = virtualThreads;
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "jobrunr";
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Map<String, Object> settings() {
        var m = new LinkedHashMap<String, Object>();
        m.put("version", Versions.of("org.jobrunr", "jobrunr"));
        m.put("storage", "PostgresStorageProvider, tables by its migrations");
        m.put("workerCount", workers);
        m.put("threads", virtualThreads ? "virtual" : "platform");
        m.put("pollInterval", POLL_INTERVAL.toString());
        m.put("poolSize", poolSize);
        m.put("job", "JobRequest with the schedule's number; succeeded jobs kept (JobRunr's default 36 h)");
        return m;
    }

    private PostgresStorageProvider storage(HikariDataSource dataSource, DatabaseOptions options) {
        var storage = new PostgresStorageProvider(dataSource, schema + ".", options);
        storage.setJobMapper(new JobMapper(json));
        return storage;
    }

    /** Creates JobRunr's tables with its own migrations. */
    @Override
    public void setUp() throws Exception {
        pg.recreateSchema(schema);
        try (HikariDataSource admin = pg.pool("aux-setup-jobrunr", schema, 2)) {
            storage(admin, DatabaseOptions.CREATE).close();
        }
    }

    /** Writes the jobs with JobRunr's bulk API, {@code create(Stream<JobBuilder>)}. */
    @Override
    public void seedDue(int n, IntFunction<Instant> dueAt) {
        try (HikariDataSource loader = pg.pool("aux-seed-jobrunr", schema, 2)) {
            var storage = storage(loader, DatabaseOptions.SKIP_CREATE);
            try {
                new JobRequestScheduler(storage).create(IntStream.range(0, n).mapToObj(i -> JobBuilder.aJob()
                        .scheduleAt(dueAt.apply(i))
                        .withJobRequest(new Call(i))));
            } finally {
                storage.close();
            }
        }
    }

    @Override
    public void prepareProduction(int n) {
        // nothing: a job is written when it is scheduled
    }

    @Override
    public void build() {
        pool = pg.pool("jobrunr", schema, poolSize);
        var storage = storage(pool, DatabaseOptions.SKIP_CREATE);
        var handler = new Handler(recorder);
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type == Handler.class ? type.cast(handler) : null;
            }
        };
        var config = BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andName("jobrunr-1")
                .andPollInterval(POLL_INTERVAL)
                .andBackgroundJobServerWorkerPolicy(new DefaultBackgroundJobServerWorkerPolicy(
                        workers,
                        virtualThreads
                                ? BackgroundJobServerThreadType.VirtualThreads
                                : BackgroundJobServerThreadType.PlatformThreads));
        server = new BackgroundJobServer(storage, json, activator, config);
        scheduler = new JobRequestScheduler(storage);
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void produce(int i, Instant runAt) {
        scheduler.schedule(runAt, new Call(i));
    }

    @Override
    public String remainingSql() {
        return "SELECT count(*) FROM " + schema + ".jobrunr_jobs WHERE state <> 'SUCCEEDED'";
    }

    @Override
    public void stop() {
        if (server != null && !stopped) {
            stopped = true;
            server.stop();
        }
    }

    @Override
    public void verify(int n, Result result) throws Exception {
        long succeeded = pg.number(schema, "SELECT count(*) FROM jobrunr_jobs WHERE state = 'SUCCEEDED'");
        long other = pg.number(schema, "SELECT count(*) FROM jobrunr_jobs WHERE state <> 'SUCCEEDED'");
        result.put("jobsSucceeded", succeeded).put("jobsInOtherStates", other);
        result.check(succeeded == n && other == 0, "every job succeeded, nothing else left");
    }

    @Override
    public void close() {
        stop();
        server = null;
        scheduler = null;
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
