package io.luxaris.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntFunction;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz (org.quartz-scheduler:quartz 2.5.x) on its own schema: the tables of {@code tables_postgres.sql} shipped in
 * the Quartz jar, the clustered JDBC job store ({@code JobStoreTX}, {@code PostgreSQLDelegate}, {@code
 * isClustered=true}) on Quartz' HikariCP connection provider, a thread pool of Luxaris' {@code maxConcurrency}
 * threads, batch trigger acquisition of as many triggers as threads (which the documentation pairs with {@code
 * acquireTriggersWithinLock=true}) and no fire-ahead window (a job never runs before it is due). Each schedule is a
 * non-durable job with one simple trigger firing once; Quartz deletes both when the job has run. The misfire
 * threshold is one hour so that a burn-down's backlog is fired as scheduled, not handled as misfired.
 */
final class QuartzEngine implements Engine {
    private static final String GROUP = "bench";
    private static final int BATCH = 1_000;

    private final Pg pg;
    private final String schema;
    private final int threads;
    private final Recorder recorder;
    private Scheduler scheduler;

    QuartzEngine(Pg pg, String schema, int threads, Recorder recorder) {
        this.pg = pg;
        this.schema = schema;
        this.threads = threads;
        this.recorder = recorder;
    }

    /** The no-op work; one shared instance, handed out by the job factory. */
    public static final class NoopJob implements Job {
        private final Recorder recorder;

        /** For Quartz' class check only: jobs are created by the harness' job factory. */
        public NoopJob() {
            this(null);
        }

        NoopJob(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String name = context.getJobDetail().getKey().getName();
            try {
                recorder.called(Integer.parseInt(name));
            } catch (NumberFormatException e) {
                recorder.unknownCall();
            }
        }
    }

    @Override
    public String name() {
        return "quartz";
    }

    @Override
    public String schema() {
        return schema;
    }

    Properties properties(String role, int poolSize, int threadCount) {
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "luxbench");
        p.setProperty("org.quartz.scheduler.instanceId", "quartz-" + role);
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threadCount));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threadCount));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
        String ds = schema + "_" + role;
        p.setProperty("org.quartz.jobStore.dataSource", ds);
        String prefix = "org.quartz.dataSource." + ds + ".";
        p.setProperty(prefix + "provider", "hikaricp");
        p.setProperty(prefix + "driver", "org.postgresql.Driver");
        var params = new LinkedHashMap<String, String>();
        params.put("currentSchema", schema);
        params.put("ApplicationName", pg.application(role.equals("seed") ? "aux-seed-quartz" : "quartz-" + role));
        p.setProperty(prefix + "URL", pg.url(params));
        p.setProperty(prefix + "user", pg.user);
        p.setProperty(prefix + "password", pg.password);
        p.setProperty(prefix + "maxConnections", Integer.toString(poolSize));
        return p;
    }

    @Override
    public Map<String, Object> settings() {
        var m = new LinkedHashMap<String, Object>();
        m.put("version", Versions.of("org.quartz-scheduler", "quartz"));
        m.put("jobStore", "JobStoreTX, PostgreSQLDelegate, isClustered=true");
        m.put("threadCount", threads);
        m.put("batchTriggerAcquisitionMaxCount", threads);
        m.put("batchTriggerAcquisitionFireAheadTimeWindow", 0);
        m.put("acquireTriggersWithinLock", true);
        m.put("misfireThreshold", "1 h");
        m.put("connectionProvider", "hikaricp, maxConnections " + (threads + 3));
        return m;
    }

    @Override
    public void setUp() throws SQLException, IOException {
        pg.recreateSchema(schema);
        pg.execute(schema, ddl());
    }

    /** The statements of tables_postgres.sql from the Quartz jar (comments and the closing COMMIT dropped). */
    static String[] ddl() throws IOException {
        String resource = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
        var text = new StringBuilder();
        try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not in the Quartz jar");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.strip().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
        }
        var out = new ArrayList<String>();
        for (String statement : text.toString().split(";")) {
            String s = statement.strip();
            if (!s.isEmpty() && !s.equalsIgnoreCase("COMMIT")) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }

    private Scheduler scheduler(String role, int poolSize, int threadCount) throws SchedulerException {
        Scheduler s = new StdSchedulerFactory(properties(role, poolSize, threadCount)).getScheduler();
        var job = new NoopJob(recorder);
        s.setJobFactory((bundle, sched) -> job);
        return s;
    }

    static JobDetail job(int i) {
        return JobBuilder.newJob(NoopJob.class)
                .withIdentity(Integer.toString(i), GROUP)
                .build();
    }

    static Trigger trigger(int i, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(Integer.toString(i), GROUP)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /** Inserts with {@code scheduleJobs} of a scheduler that is never started, 1,000 jobs per transaction. */
    @Override
    public void seedDue(int n, IntFunction<Instant> dueAt) throws SchedulerException {
        Scheduler loader = scheduler("seed", 2, 1);
        try {
            var batch = new LinkedHashMap<JobDetail, Set<? extends Trigger>>();
            for (int i = 0; i < n; i++) {
                batch.put(job(i), Set.of(trigger(i, dueAt.apply(i))));
                if (batch.size() == BATCH) {
                    loader.scheduleJobs(batch, false);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                loader.scheduleJobs(batch, false);
            }
        } finally {
            loader.shutdown(false);
        }
    }

    @Override
    public void prepareProduction(int n) {
        // nothing: jobs and triggers are created when scheduled
    }

    @Override
    public void build() throws SchedulerException {
        scheduler = scheduler("1", threads + 3, threads);
    }

    @Override
    public void start() throws SchedulerException {
        scheduler.start();
    }

    @Override
    public void produce(int i, Instant runAt) throws SchedulerException {
        scheduler.scheduleJob(job(i), trigger(i, runAt));
    }

    @Override
    public String remainingSql() {
        return "SELECT (SELECT count(*) FROM " + schema + ".qrtz_triggers) + (SELECT count(*) FROM " + schema
                + ".qrtz_fired_triggers)";
    }

    @Override
    public void stop() throws SchedulerException {
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.shutdown(true);
        }
    }

    @Override
    public void verify(int n, Result result) throws Exception {
        long triggers = pg.number(schema, "SELECT count(*) FROM qrtz_triggers");
        long fired = pg.number(schema, "SELECT count(*) FROM qrtz_fired_triggers");
        long jobs = pg.number(schema, "SELECT count(*) FROM qrtz_job_details");
        result.put("rowsLeft", List.of(triggers, fired, jobs));
        result.check(triggers == 0 && fired == 0 && jobs == 0, "every trigger fired and its job deleted");
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (SchedulerException e) {
            System.err.println("quartz did not shut down cleanly: " + e.getMessage());
        }
    }
}
