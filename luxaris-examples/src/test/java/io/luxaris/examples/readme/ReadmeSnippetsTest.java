package io.luxaris.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the repository's README.md compiles against the published modules (the test class
 * path). A block declaring a top-level type is compiled as it stands; any other block is a method body: its imports
 * are kept and the rest is wrapped into {@code static void snippet() throws Exception}. The "testing your
 * integration" block also runs.
 */
class ReadmeSnippetsTest {
    /** As many blocks as the README has now: fewer means a block was lost, or the parser broke. */
    static final int AT_LEAST = 21;

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** One fenced block: where it starts in the README (1-based line of its first code line) and its text. */
    record Block(int line, String code) {
        boolean declaresType() {
            return TYPE_DECLARATION.matcher(code).find();
        }

        String className() {
            Matcher m = TYPE_DECLARATION.matcher(code);
            return m.find() ? m.group(1) : "ReadmeSnippetAtLine" + line;
        }

        /** The compilation unit: the block itself, or its imports and a class around the rest. */
        String source() {
            if (declaresType()) {
                return code;
            }
            var imports = new StringBuilder();
            var body = new StringBuilder();
            for (String l : code.split("\n", -1)) {
                (l.startsWith("import ") ? imports : body).append(l).append('\n');
            }
            return imports + "\npublic final class " + className() + " {\n"
                    + "    public static void snippet() throws Exception {\n"
                    + body
                    + "    }\n}\n";
        }
    }

    private static List<Block> blocks;

    @TempDir
    Path classes;

    @BeforeAll
    static void readTheReadme() throws IOException {
        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(readme), "no README at " + readme);
        blocks = javaBlocks(Files.readAllLines(readme, StandardCharsets.UTF_8));
    }

    /** The {@code ```java} blocks of a Markdown text, with the indentation of their fence removed. */
    static List<Block> javaBlocks(List<String> lines) {
        var found = new ArrayList<Block>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (!trimmed.startsWith("```")) {
                continue;
            }
            int indent = line.indexOf('`');
            String info = trimmed.substring(3).strip();
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException("the code block opened at line " + (i + 1) + " is never closed");
            }
            if (info.toLowerCase(Locale.ROOT).equals("java")) {
                String code = lines.subList(start, end).stream()
                        .map(l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l)
                        .collect(Collectors.joining("\n", "", "\n"));
                found.add(new Block(start + 1, code));
            }
            i = end;
        }
        return found;
    }

    @Test
    void theParser_findsJavaBlocksOnly_withTheirLineNumbers_andUnindentsListBlocks() {
        var parsed = javaBlocks(List.of(
                "# Title", // 1
                "```sh", // 2
                "mvn verify", // 3
                "```", // 4
                "```java", // 5
                "import java.util.List;", // 6
                "var xs = List.of(1);", // 7
                "```", // 8
                "- item", // 9
                "  ```java", // 10
                "  record Point(int x, int y) {}", // 11
                "  ```")); // 12
        assertEquals(2, parsed.size(), parsed.toString());
        assertEquals(new Block(6, "import java.util.List;\nvar xs = List.of(1);\n"), parsed.get(0));
        assertEquals(new Block(11, "record Point(int x, int y) {}\n"), parsed.get(1));
        assertTrue(parsed.get(1).declaresType());
        assertEquals("Point", parsed.get(1).className());
        assertTrue(parsed.get(0).source().contains("public static void snippet() throws Exception {\nvar xs"));
        assertTrue(parsed.get(0).source().startsWith("import java.util.List;\n"));
    }

    @Test
    void aBrokenSnippet_isReportedWithItsLineAndTheCompilerMessage() {
        var broken = new Block(42, "import io.luxaris.Luxaris;\nLuxaris.builder().noSuchMethod();\n");
        String errors = compile(broken);
        assertTrue(errors.contains("noSuchMethod"), errors);
    }

    @Test
    void everyJavaBlockOfTheReadme_compiles() {
        assertTrue(
                blocks.size() >= AT_LEAST,
                "README.md has " + blocks.size() + " ```java blocks, expected at least " + AT_LEAST);
        var failures = new ArrayList<String>();
        for (Block block : blocks) {
            String errors = compile(block);
            if (!errors.isEmpty()) {
                failures.add("README.md block at line " + block.line() + " (" + block.className() + "):\n" + errors);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + blocks.size() + " README snippets do not compile:\n\n"
                    + String.join("\n", failures));
        }
    }

    @Test
    void theTestingSnippet_runs() throws Exception {
        List<Block> testing = blocks.stream()
                .filter(b -> b.code().contains("SettableClock") && b.code().contains("ScriptedChannel"))
                .toList();
        assertEquals(1, testing.size(), "one README block uses SettableClock and ScriptedChannel");
        Block block = testing.get(0);
        String errors = compile(block);
        assertEquals("", errors, "README.md block at line " + block.line());
        try (var loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            loader.setDefaultAssertionStatus(true); // the snippet checks its outcome with assert
            Method snippet = loader.loadClass(block.className()).getMethod("snippet");
            try {
                snippet.invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("README.md block at line " + block.line() + " failed", e.getCause());
            }
        }
    }

    /** Compiles one block into {@link #classes}; returns the error diagnostics, empty when it compiled. */
    private String compile(Block block) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        String source = block.source();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaFileObject unit =
                    new SimpleJavaFileObject(
                            Path.of(block.className() + ".java").toUri(), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    };
            List<String> options = List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString(),
                    "-proc:none",
                    "--release",
                    "17");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit))
                    .call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "  README.md line " + readmeLine(block, d.getLineNumber()) + ": "
                            + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            if (!ok && errors.isEmpty()) {
                return "  the compiler failed without an error message";
            }
            return errors;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The README line of a line of the compiled source: a wrapped block's source has an empty line, the class line and
     * the method line between its imports (at the top of the block) and the rest.
     */
    private static long readmeLine(Block block, long sourceLine) {
        long inBlock = block.declaresType() ? sourceLine : sourceLine - 3;
        return block.line() + Math.max(inBlock, 1) - 1;
    }
}
