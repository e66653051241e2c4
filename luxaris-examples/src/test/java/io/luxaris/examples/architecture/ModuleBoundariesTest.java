package io.luxaris.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.luxaris.Luxaris;
import io.luxaris.channels.bluesky.BlueskyChannel;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.mastodon.MastodonChannel;
import io.luxaris.channels.threads.ThreadsChannel;
import io.luxaris.channels.x.XChannel;
import io.luxaris.generation.openai.OpenAiGenerator;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.testkit.SettableClock;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the architecture brief, checked on the compiled classes of every module (as the examples see
 * them on their class path): core depends on no adapter and no adapter library; adapters never depend on each other,
 * their only common dependency being the shared HTTP layer ({@code luxaris-http}), which depends on no adapter and is
 * used only by the modules its descriptor exports it to; adapters, the HTTP layer, the testkit and the examples use
 * core only through the packages its module descriptor exports (never {@code io.luxaris.internal}, {@code
 * io.luxaris.internal.engine} or {@code io.luxaris.util}). Which packages belong to which module and which core
 * exports are read from the modules' own {@code module-info.class}, not repeated here.
 */
class ModuleBoundariesTest {
    private static final String EXAMPLES = "io.luxaris.examples..";

    private static JavaClasses classes;
    private static ModuleDescriptor core;
    private static Map<String, ModuleDescriptor> adapters;
    private static ModuleDescriptor testkit;
    private static ModuleDescriptor http;

    @BeforeAll
    static void importEverything() {
        core = descriptorOf(Luxaris.class);
        adapters = new LinkedHashMap<>();
        for (Class<?> c : List.of(
                JdbcStorage.class,
                XChannel.class,
                LinkedInChannel.class,
                BlueskyChannel.class,
                MastodonChannel.class,
                ThreadsChannel.class,
                OpenAiGenerator.class)) {
            var d = descriptorOf(c);
            adapters.put(d.name(), d);
        }
        testkit = descriptorOf(SettableClock.class);
        http = descriptorOf(PlatformHttp.class);
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.luxaris");
    }

    @Test
    void everyModuleWasImported_andCoreHidesItsEngineAndInternals() {
        for (Class<?> c : List.of(
                Luxaris.class,
                JdbcStorage.class,
                XChannel.class,
                LinkedInChannel.class,
                BlueskyChannel.class,
                MastodonChannel.class,
                ThreadsChannel.class,
                OpenAiGenerator.class,
                SettableClock.class,
                PlatformHttp.class,
                io.luxaris.examples.multinode.MultiNodeDemo.class)) {
            assertTrue(classes.contain(c), c + " was not imported");
        }
        assertEquals(
                Set.of(
                        "io.luxaris.jdbc",
                        "io.luxaris.channels.x",
                        "io.luxaris.channels.linkedin",
                        "io.luxaris.channels.bluesky",
                        "io.luxaris.channels.mastodon",
                        "io.luxaris.channels.threads",
                        "io.luxaris.generation.openai"),
                adapters.keySet());
        assertTrue(
                hiddenCorePackages()
                        .containsAll(Set.of("io.luxaris.internal", "io.luxaris.internal.engine", "io.luxaris.util")),
                () -> "core" + " exports " + exported(core));
        // the adapters' own internals are modules' secrets too
        assertTrue(adapters.values().stream()
                .anyMatch(d -> d.packages().size() > exported(d).size()));
    }

    @Test
    void coreDependsOnNoAdapter_noTestkit_andNoAdapterLibrary() {
        var forbidden = new ArrayList<String>();
        adapters.values().forEach(d -> forbidden.addAll(d.packages()));
        forbidden.addAll(testkit.packages());
        forbidden.addAll(http.packages());
        forbidden.add(EXAMPLES);
        noClasses()
                .that()
                .resideInAnyPackage(array(core.packages()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("core is the base every module builds on")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(array(core.packages()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "okhttp3..",
                        "okio..",
                        "com.fasterxml.jackson..",
                        "org.jdbi..",
                        "com.zaxxer..",
                        "org.flywaydb..",
                        "com.google.crypto.tink..",
                        "org.h2..",
                        "org.postgresql..",
                        "org.mariadb..",
                        "java.sql..")
                .because("core never imports an adapter library")
                .check(classes);
    }

    @Test
    void noAdapterDependsOnAnother() {
        for (ModuleDescriptor adapter : adapters.values()) {
            String[] others = adapters.values().stream()
                    .filter(d -> d != adapter)
                    .flatMap(d -> d.packages().stream())
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAnyPackage(array(adapter.packages()))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because(adapter.name() + " must work without the other adapters")
                    .check(classes);
        }
    }

    @Test
    void theSharedHttpLayer_dependsOnNoAdapter_andExportsItselfToTheHttpAdaptersOnly() {
        var forbidden = new ArrayList<String>();
        adapters.values().forEach(d -> forbidden.addAll(d.packages()));
        forbidden.addAll(testkit.packages());
        forbidden.add(EXAMPLES);
        noClasses()
                .that()
                .resideInAnyPackage(array(http.packages()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new))
                .because(http.name() + " is shared by the adapters and must know none of them")
                .check(classes);
        assertEquals(Set.of(), exported(http), () -> http.name() + " must not export a package to everyone");
        Set<String> readers = http.exports().stream()
                .flatMap(e -> e.targets().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of(
                        "io.luxaris.channels.x",
                        "io.luxaris.channels.linkedin",
                        "io.luxaris.channels.bluesky",
                        "io.luxaris.channels.mastodon",
                        "io.luxaris.channels.threads",
                        "io.luxaris.generation.openai"),
                readers);
    }

    @Test
    void onlyTheModulesTheHttpLayerIsExportedTo_useIt() {
        var allowed = new ArrayList<>(http.packages());
        http.exports().stream()
                .flatMap(e -> e.targets().stream())
                .map(adapters::get)
                .forEach(d -> allowed.addAll(d.packages()));
        httpUsedOnlyFrom(allowed).check(classes);
        // the adapters do use it: without them allowed, the same rule fails (it is not satisfied vacuously)
        AssertionError e = assertThrows(AssertionError.class, () -> httpUsedOnlyFrom(List.copyOf(http.packages()))
                .check(classes));
        assertTrue(e.getMessage().contains("io.luxaris.channels.x"), e.getMessage());
    }

    private static ArchRule httpUsedOnlyFrom(List<String> allowed) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(array(http.packages()))
                .because(http.name() + " is exported only to the HTTP adapters");
    }

    @Test
    void everyChannelAdapter_hasTheSameLayout_andTheSameNamesForTheSameRoles() {
        var shared = List.of("Fail", "PublishStop", "Attempts");
        for (Class<?> channel : List.of(
                XChannel.class,
                LinkedInChannel.class,
                BlueskyChannel.class,
                MastodonChannel.class,
                ThreadsChannel.class)) {
            ModuleDescriptor d = descriptorOf(channel);
            String api = channel.getPackageName();
            String internal = api + ".internal";
            // the public API in io.luxaris.channels.<c>, the implementation in io.luxaris.channels.<c>.internal
            assertEquals(Set.of(api, internal), d.packages(), () -> d.name() + " packages");
            assertEquals(Set.of(api), exported(d), () -> d.name() + " exports");
            assertTrue(d.exports().stream().noneMatch(e -> e.source().equals(internal)), () -> internal + " exported");
            String name = channel.getSimpleName().replace("Channel", "");
            for (String role : List.of("Settings", "Classifier", name + "Publisher", name + "DryRun")) {
                assertTrue(classes.contain(internal + "." + role), () -> d.name() + " has no " + internal + "." + role);
            }
            // what every adapter needs alike lives once, in the shared HTTP layer
            for (String copy : shared) {
                assertTrue(
                        !classes.contain(internal + "." + copy), () -> internal + "." + copy + " repeats luxaris-http");
            }
        }
        assertTrue(classes.contain("io.luxaris.http.internal.Fail"));
        assertTrue(classes.contain("io.luxaris.http.internal.Attempts"));
    }

    @Test
    void adaptersTestkitAndExamples_useCoreOnlyThroughItsExportedPackages() {
        apiOnly(consumerPackages()).check(classes);
    }

    @Test
    void nothingOutsideAnAdapterOrTheTestkit_usesTheirUnexportedPackages() {
        var modules = new ArrayList<>(adapters.values());
        modules.add(testkit);
        for (ModuleDescriptor module : modules) {
            var hidden = new TreeSet<>(module.packages());
            hidden.removeAll(exported(module));
            if (hidden.isEmpty()) {
                continue;
            }
            noClasses()
                    .that()
                    .resideOutsideOfPackages(array(module.packages()))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(array(hidden))
                    .because(module.name() + " exports only " + exported(module))
                    .check(classes);
        }
    }

    @Test
    void theApiRule_catchesARealDependencyOnCoreInternals() {
        // core's own SPI records use io.luxaris.util helpers (not exported): the same rule applied to them must fail,
        // which
        // shows that the rule above is not satisfied vacuously
        AssertionError e = assertThrows(AssertionError.class, () -> apiOnly(new String[] {"io.luxaris.spi.channel"})
                .check(classes));
        assertTrue(e.getMessage().contains("io.luxaris.util."), e.getMessage());
    }

    private static ArchRule apiOnly(String[] consumers) {
        return noClasses()
                .that()
                .resideInAnyPackage(consumers)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(array(hiddenCorePackages()))
                .because("core exports only " + exported(core));
    }

    private static String[] consumerPackages() {
        var packages = new ArrayList<String>();
        adapters.values().forEach(d -> packages.addAll(d.packages()));
        packages.addAll(testkit.packages());
        packages.addAll(http.packages());
        packages.add(EXAMPLES);
        return packages.toArray(String[]::new);
    }

    private static Set<String> hiddenCorePackages() {
        var hidden = new TreeSet<>(core.packages());
        hidden.removeAll(exported(core));
        return hidden;
    }

    private static Set<String> exported(ModuleDescriptor d) {
        return d.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String[] array(Set<String> packages) {
        return packages.toArray(String[]::new);
    }

    /** The module descriptor of the jar (or classes directory) {@code type} was loaded from. */
    private static ModuleDescriptor descriptorOf(Class<?> type) {
        Path location;
        try {
            location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<ModuleDescriptor> found = ModuleFinder.of(location).findAll().stream()
                .map(r -> r.descriptor())
                .toList();
        assertEquals(1, found.size(), () -> "one module at " + location + " but found " + found);
        ModuleDescriptor d = found.get(0);
        assertTrue(!d.isAutomatic(), () -> location + " has no module-info.class");
        assertTrue(d.packages().contains(type.getPackageName()), () -> d + " lacks " + type.getPackageName());
        return d;
    }
}
