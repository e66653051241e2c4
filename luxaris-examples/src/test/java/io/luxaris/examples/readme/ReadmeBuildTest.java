package io.luxaris.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code pom.xml} block of the README ("Add it to your build") says what the BOM consumer build
 * ({@code src/it/bom-consumer}, built by every {@code mvn verify}) does: the same compiler release, the same plugin
 * versions (Maven 3.8's defaults cannot build Java 17 nor run JUnit 5), the same BOM and JUnit versions.
 */
class ReadmeBuildTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLUGIN = Pattern.compile(
            "<plugin>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern PROPERTY = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>");

    private static String readme;
    private static String consumer;

    @BeforeAll
    static void read() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Matcher block = XML_BLOCK.matcher(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(block.find()).as("README.md has a ```xml block").isTrue();
        readme = block.group(1);
        consumer = filtered(
                Files.readString(root.resolve("luxaris-examples/src/it/bom-consumer/pom.xml"), StandardCharsets.UTF_8),
                Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
    }

    /** The consumer's pom as the invoker plugin runs it: {@code @name@} replaced by the root pom's values. */
    private static String filtered(String pom, String rootPom) {
        String properties = rootPom.substring(rootPom.indexOf("<properties>"), rootPom.indexOf("</properties>"));
        var values = new LinkedHashMap<String, String>();
        Matcher m = PROPERTY.matcher(properties);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        Matcher version = Pattern.compile("<artifactId>luxaris-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(rootPom);
        assertThat(version.find()).isTrue();
        values.put("project.version", version.group(1));
        String result = pom;
        for (var e : values.entrySet()) {
            result = result.replace("@" + e.getKey() + "@", e.getValue());
        }
        assertThat(result).doesNotContainPattern("@[\\w.-]+@");
        return result;
    }

    private static Map<String, String> plugins(String pom) {
        var found = new LinkedHashMap<String, String>();
        Matcher m = PLUGIN.matcher(pom);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    @Test
    void theReadmesPluginVersions_areTheConsumerBuilds() {
        Map<String, String> shown = plugins(readme);
        assertThat(shown).containsKeys("maven-compiler-plugin", "maven-surefire-plugin");
        assertThat(plugins(consumer)).containsAllEntriesOf(shown);
    }

    @Test
    void bothCompileForJava17_importTheSameBom_andTestWithTheSameJUnit() {
        for (String pom : new String[] {readme, consumer}) {
            assertThat(pom).contains("<maven.compiler.release>17</maven.compiler.release>");
            assertThat(pom)
                    .containsPattern("<artifactId>luxaris-bom</artifactId>\\s*<version>0\\.1\\.0-SNAPSHOT</version>"
                            + "\\s*<type>pom</type>\\s*<scope>import</scope>");
        }
        Matcher junit = Pattern.compile("<artifactId>junit-jupiter</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(consumer);
        assertThat(junit.find()).isTrue();
        assertThat(readme)
                .containsPattern("<artifactId>junit-jupiter</artifactId>\\s*<version>" + Pattern.quote(junit.group(1)));
        assertThat(readme).containsPattern("<artifactId>luxaris-core</artifactId>\\s*</dependency>");
        assertThat(consumer).containsPattern("<artifactId>luxaris-core</artifactId>\\s*</dependency>");
    }
}
