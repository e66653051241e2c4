package io.luxaris.examples.quickstart;

import io.luxaris.errors.LuxarisException;
import io.luxaris.examples.quickstart.QuickstartOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Luxaris quickstart: the product's main job end to end on an embedded H2 database. Connects X, LinkedIn (dry
 * run unless credentials are set) and the outbox channel, creates a template, generates suggestions, accepts one
 * per channel, schedules them a few seconds ahead in your timezone, publishes them with the engine while a progress
 * bar runs, and prints the week's calendar and every publish event. Run it again and it continues on the same data.
 *
 * <pre>
 * mvn -q -pl luxaris-examples -am package -DskipTests &amp;&amp; java -jar luxaris-examples/target/luxaris-quickstart.jar --help
 * </pre>
 *
 * <p>The steps are in {@link QuickstartRun}; this class reads the command line.
 */
public final class Quickstart {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Quickstart() {}

    public static void main(String[] args) {
        // Luxaris logs through SLF4J; keep the quickstart's output to its own lines (set before any logger exists).
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        // a terminal redraws the progress bar in place; a pipe or file gets a line per event; both fit the width
        Screen screen = Screen.detect(System.getenv(), System.console() != null);
        int status = run(args, System.getenv(), System.out, System.err, screen);
        System.exit(status);
    }

    /**
     * Runs the quickstart and returns its exit status (0 done, 1 failed or timed out, 2 bad options) instead of
     * exiting. Reads credentials, generator settings and {@code COLUMNS} from {@code env}; prints a plain line per
     * publish event, as when the output is not a terminal.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Screen.plain(env));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Screen screen) {
        QuickstartOptions options;
        QuickstartChannels channels;
        try {
            options = QuickstartOptions.parse(args);
            if (options.help()) {
                out.print(QuickstartOptions.USAGE);
                return 0;
            }
            channels = QuickstartChannels.configure(options, env);
        } catch (UsageException e) {
            err.println("quickstart: " + e.getMessage());
            err.println();
            err.print(QuickstartOptions.USAGE);
            return 2;
        }
        try {
            return new QuickstartRun(options, channels, env, out, screen).run();
        } catch (QuickstartRun.Failure | LuxarisException e) {
            // a problem with the data or the input: its message says what, a stack trace would not help
            out.flush();
            err.println("quickstart: " + e.getMessage());
            if (String.valueOf(e.getMessage()).contains("is locked")) {
                err.println("Is another quickstart running on " + options.dataDir() + "?");
            }
            return 1;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            err.println("quickstart: " + describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("quickstart: interrupted");
            return 1;
        } catch (RuntimeException e) {
            out.flush();
            // not expected: show where it happened
            err.println("quickstart failed: " + describe(e));
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The message of {@code e} and of its causes, one after the other. */
    private static String describe(Throwable e) {
        var text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 600; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return text.toString();
    }
}
