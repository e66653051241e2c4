package io.luxaris.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line: a scenario, then {@code --name value} (or {@code --name=value}) options and arguments. */
final class Options {
    final String scenario;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private final Set<String> used = new java.util.HashSet<>();

    private Options(String scenario) {
        this.scenario = scenario;
    }

    static Options parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("name a scenario");
        }
        var o = new Options(args[0]);
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (key.equals("keep-schemas") || key.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                o.values.put(key, value);
            } else {
                o.arguments.add(a);
            }
        }
        return o;
    }

    String string(String key, String fallback) {
        used.add(key);
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number but was '" + v + "'");
        }
    }

    double decimal(String key, double fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number but was '" + v + "'");
        }
    }

    /** Seconds, possibly fractional ({@code 2}, {@code 0.5}), or with a unit ({@code 500ms}, {@code 2s}). */
    Duration duration(String key, Duration fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            String seconds = v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
            return Duration.ofNanos(Math.round(Double.parseDouble(seconds) * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + key + " must be a duration (2, 0.5, 500ms, 2s) but was '" + v + "'");
        }
    }

    List<String> list(String key, String fallback) {
        return Arrays.stream(string(key, fallback).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(string(key, "false"));
    }

    List<String> arguments() {
        return List.copyOf(arguments);
    }

    /** Options given but never asked for: most likely misspelt. */
    List<String> unused() {
        return values.keySet().stream().filter(k -> !used.contains(k)).toList();
    }
}
