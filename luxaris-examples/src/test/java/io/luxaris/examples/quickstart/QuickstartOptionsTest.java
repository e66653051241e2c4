package io.luxaris.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.examples.quickstart.QuickstartOptions.Mode;
import io.luxaris.examples.quickstart.QuickstartOptions.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickstartOptionsTest {
    @Test
    void defaults() throws UsageException {
        var o = QuickstartOptions.parse();
        assertThat(o.dataDir()).isEqualTo(Path.of("luxaris-quickstart-data"));
        assertThat(o.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(o.count()).isEqualTo(2);
        assertThat(o.channels()).containsExactly("x", "linkedin", "outbox");
        assertThat(o.mode()).isEqualTo(Mode.AUTO);
        assertThat(o.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.help()).isFalse();
    }

    @Test
    void valuesAfterASpaceOrAnEqualsSign() throws UsageException {
        var o = QuickstartOptions.parse(
                "--data-dir=/tmp/q",
                "--zone",
                "Asia/Tokyo",
                "--count=5",
                "--channels",
                " Outbox, x ,outbox",
                "--dry-run",
                "--delay",
                "10",
                "--timeout=30");
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/q"));
        assertThat(o.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(o.count()).isEqualTo(5);
        assertThat(o.channels()).isEqualTo(List.of("outbox", "x"));
        assertThat(o.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(o.delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(QuickstartOptions.parse("--real", "--real").mode()).isEqualTo(Mode.REAL);
        assertThat(QuickstartOptions.parse("--count", "3", "-h").help()).isTrue();
    }

    @Test
    void everyChannel_canBeAskedForByName_threadsIncluded() throws UsageException {
        var o = QuickstartOptions.parse("--channels", "threads,bluesky,mastodon,x,linkedin,outbox");

        assertThat(o.channels()).containsExactly("threads", "bluesky", "mastodon", "x", "linkedin", "outbox");
        assertThat(QuickstartOptions.parse("--channels=Threads").channels()).containsExactly("threads");
        assertThat(QuickstartOptions.USAGE)
                .contains("x,linkedin,bluesky,mastodon,threads,outbox")
                .contains("Threads    always a dry run here");
    }

    @Test
    void badInput_saysWhatIsWrong() {
        assertThatThrownBy(() -> QuickstartOptions.parse("--count", "21"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--count must be a number from 1 to 20 but was '21'");
        assertThatThrownBy(() -> QuickstartOptions.parse("--count", "two"))
                .hasMessage("--count must be a number from 1 to 20 but was 'two'");
        assertThatThrownBy(() -> QuickstartOptions.parse("--zone", "--count", "1"))
                .hasMessage("--zone needs a value");
        assertThatThrownBy(() -> QuickstartOptions.parse("--channels", "x,,outbox"))
                .hasMessageStartingWith("--channels: '' is not one of x,linkedin,bluesky,mastodon,threads,outbox");
        assertThatThrownBy(() -> QuickstartOptions.parse("--real=yes")).hasMessage("--real takes no value");
        assertThatThrownBy(() -> QuickstartOptions.parse("--dry-run", "--real"))
                .hasMessage("--real and --dry-run exclude each other");
        assertThatThrownBy(() -> QuickstartOptions.parse("now")).hasMessage("unexpected argument 'now'");
        assertThatThrownBy(() -> QuickstartOptions.parse("--delay", "0"))
                .hasMessage("--delay must be a number from 1 to 300 but was '0'");
    }
}
