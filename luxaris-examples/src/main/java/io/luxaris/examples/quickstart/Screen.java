package io.luxaris.examples.quickstart;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the quickstart writes. On an interactive terminal the progress bar redraws one line; otherwise (a pipe, a
 * file, a test) every publish event gets a plain line of its own. Either way no line is longer than {@link
 * #maxLine()}, so nothing wraps: the width comes from {@code COLUMNS}, else from the terminal ({@code stty size}),
 * else {@value #DEFAULT_WIDTH} columns.
 *
 * @param interactive whether the output is a terminal that can redraw a line ({@code System.console() != null})
 * @param width the terminal's width in columns
 */
record Screen(boolean interactive, int width) {
    static final int DEFAULT_WIDTH = 80;
    static final int MIN_WIDTH = 40;
    static final int MAX_WIDTH = 400;

    Screen {
        width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    /** The longest line to print: one column short of the width, which some terminals wrap at once. */
    int maxLine() {
        return width - 1;
    }

    /** What the quickstart's main method uses: the real console, its width. */
    static Screen detect(Map<String, String> env, boolean console) {
        Optional<Integer> columns = columns(env);
        if (columns.isPresent()) {
            return new Screen(console, columns.get());
        }
        return new Screen(console, console ? sttyColumns().orElse(DEFAULT_WIDTH) : DEFAULT_WIDTH);
    }

    /** Not a terminal: plain lines, {@code COLUMNS} wide when it is set, else {@value #DEFAULT_WIDTH}. */
    static Screen plain(Map<String, String> env) {
        return new Screen(false, columns(env).orElse(DEFAULT_WIDTH));
    }

    /** {@code COLUMNS} when it holds a positive number (shells set it, but export it only when asked to). */
    static Optional<Integer> columns(Map<String, String> env) {
        String value = env.get("COLUMNS");
        if (value == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The terminal's columns from {@code stty size} (Linux, macOS); empty elsewhere or when it does not answer. */
    private static Optional<Integer> sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return Optional.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(tty))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return Optional.empty();
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\\s+");
            return rowsAndColumns.length == 2 ? columns(Map.of("COLUMNS", rowsAndColumns[1])) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
