package io.luxaris.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.luxaris.errors.Violation;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Mustache templates (JMustache) for social text: no HTML escaping, no partials, placeholder names of letters,
 * digits, {@code _}, {@code -} and {@code .}. A variable outside a section is required; a section {@code
 * {{#name}}...{{/name}}} shows its content only when {@code name} has a non-empty value.
 */
public final class TemplateText {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}|\\.");
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(false)
            .emptyStringIsFalse(true)
            .defaultValue("");

    private final Template template;
    private final Set<String> variables;
    private final Set<String> sections;

    private TemplateText(Template template, Set<String> variables, Set<String> sections) {
        this.template = template;
        this.variables = variables;
        this.sections = sections;
    }

    /** Compiles a body, or returns the violations (on {@code field}) that prevent it. */
    public static Result compile(String body, String field) {
        Template template;
        try {
            template = COMPILER.compile(body);
        } catch (MustacheException e) {
            return new Result(null, List.of(Violation.of(field, "template_syntax", safe(e))));
        }
        var variables = new LinkedHashSet<String>();
        var sections = new LinkedHashSet<String>();
        var problems = new ArrayList<Violation>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                check(name);
                if (!name.equals(".")) {
                    variables.add(name);
                }
            }

            @Override
            public boolean visitInclude(String name) {
                problems.add(
                        Violation.of(field, "template_unsupported", "partials ({{> " + name + "}}) are not supported"));
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                sections.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                check(name);
                sections.add(name);
                return true;
            }

            private void check(String name) {
                if (!NAME.matcher(name).matches()) {
                    problems.add(Violation.of(
                            field,
                            "placeholder_name",
                            "placeholder '" + Redactor.truncate(name, 40)
                                    + "' must be letters, digits, '_', '-' or '.'"));
                }
            }
        });
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new TemplateText(template, Set.copyOf(variables), Set.copyOf(sections)), List.of());
    }

    /** Outcome of compiling. */
    public record Result(@Nullable TemplateText template, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Every placeholder name (variables and sections). */
    public Set<String> placeholders() {
        var all = new LinkedHashSet<>(variables);
        all.addAll(sections);
        return all;
    }

    /** Renders; the placeholders that are needed but have no value are reported as violations on {@code field}. */
    public Rendered render(Map<String, String> values, String field) {
        var context = new RecordingMap(values);
        String text;
        try {
            text = template.execute(context);
        } catch (MustacheException e) {
            return new Rendered(null, List.of(Violation.of(field, "template_syntax", safe(e))));
        }
        var missing = new ArrayList<String>();
        for (String name : context.missing) {
            if (!sections.contains(name) && !name.equals(".")) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            var violations = new ArrayList<Violation>();
            for (String name : missing) {
                violations.add(Violation.of(
                        field + "." + name, "missing_placeholder", "no value for placeholder {{" + name + "}}"));
            }
            return new Rendered(null, violations);
        }
        return new Rendered(text, List.of());
    }

    /** Outcome of rendering. */
    public record Rendered(@Nullable String text, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private static String safe(MustacheException e) {
        String message = e.getMessage() == null ? "invalid template" : e.getMessage();
        return "is not a valid template: " + Redactor.truncate(message, 200);
    }

    /** A read-only map view that remembers every key asked for and not found. */
    private static final class RecordingMap extends AbstractMap<String, Object> {
        private final Map<String, String> values;
        private final Set<String> missing = new LinkedHashSet<>();

        RecordingMap(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public @Nullable Object get(@Nullable Object key) {
            String value = values.get(key);
            if (value == null) {
                missing.add(String.valueOf(key));
            }
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            if (!values.containsKey(key)) {
                missing.add(String.valueOf(key));
                return false;
            }
            return true;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.copyOf(new java.util.HashMap<String, Object>(values).entrySet());
        }
    }
}
