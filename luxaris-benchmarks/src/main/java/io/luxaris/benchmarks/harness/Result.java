package io.luxaris.benchmarks.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one measured run (one scenario, one engine), in order, plus the checks that make it valid (each
 * schedule called exactly once, nothing left in the database). Written as one JSON line to the results file, read
 * back by the summary.
 */
final class Result {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    Result(String scenario, String engine) {
        values.put("scenario", scenario);
        values.put("engine", engine);
    }

    private Result(Map<String, Object> values) {
        this.values.putAll(values);
    }

    Result put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Records a failed check (the run's figures are then not valid). */
    Result check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
        return this;
    }

    boolean ok() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String scenario() {
        return String.valueOf(values.get("scenario"));
    }

    String engine() {
        return String.valueOf(values.get("engine"));
    }

    Object get(String key) {
        return values.get(key);
    }

    Optional<Double> number(String key) {
        return values.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    long longValue(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException(key + " is not a number in " + values);
    }

    Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    String toJson() {
        var all = new LinkedHashMap<>(values);
        all.put("ok", ok());
        all.put("failures", failures);
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Result fromJson(String line) {
        try {
            Map<String, Object> map = JSON.readValue(line, LinkedHashMap.class);
            Object failed = map.remove("failures");
            map.remove("ok");
            var r = new Result(map);
            if (failed instanceof List<?> list) {
                list.forEach(f -> r.failures.add(String.valueOf(f)));
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a result line: " + line, e);
        }
    }

    /** Human-readable: one "key = value" per line. */
    String describe() {
        var out = new StringBuilder();
        out.append("== ")
                .append(scenario())
                .append(" / ")
                .append(engine())
                .append(ok() ? " (ok)" : " (FAILED: " + failures + ")")
                .append('\n');
        values.forEach((k, v) -> {
            if (!k.equals("scenario") && !k.equals("engine")) {
                out.append("   ").append(k).append(" = ").append(v).append('\n');
            }
        });
        return out.toString();
    }
}
