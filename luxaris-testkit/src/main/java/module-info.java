/** Testing support for hosts and plugin authors: contracts, fakes, a settable clock. */
module io.luxaris.testkit {
    requires transitive io.luxaris;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires static org.jspecify;

    exports io.luxaris.testkit;
}
