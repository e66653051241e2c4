package io.luxaris.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, from the pom.properties Maven puts in its jar. */
final class Versions {
    private Versions() {}

    static String of(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return fromBuild(groupId, artifactId);
            }
            var p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * For a jar without Maven's pom.properties (JobRunr's is built with Gradle): the version this module was built
     * with, from {@code luxbench-versions.properties} (filtered by Maven from the pom's properties).
     */
    private static String fromBuild(String groupId, String artifactId) {
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream("luxbench-versions.properties")) {
            if (in == null) {
                return "unknown";
            }
            var p = new Properties();
            p.load(in);
            return p.getProperty(groupId + "." + artifactId, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
