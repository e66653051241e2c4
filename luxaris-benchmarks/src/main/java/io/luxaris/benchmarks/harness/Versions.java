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
                return "unknown";
            }
            var p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
