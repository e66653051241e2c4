package io.luxaris.internal;

import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.usecase.Calendar;
import io.luxaris.usecase.Channels;
import io.luxaris.usecase.Generation;
import io.luxaris.usecase.Posts;
import io.luxaris.usecase.Publishing;
import io.luxaris.usecase.Queues;
import io.luxaris.usecase.Recurrences;
import io.luxaris.usecase.Schedules;
import io.luxaris.usecase.Templates;
import org.jspecify.annotations.Nullable;

/**
 * How the facade creates the use-case classes, whose constructors are package-private so that their exported
 * package exposes no way to build them from internals. The use-case package registers itself here when it is
 * initialized (the "shared secrets" pattern of the JDK).
 */
public interface UseCaseAccess {
    /** The use-case areas of one instance. */
    record UseCases(
            Channels channels,
            Posts posts,
            Templates templates,
            Generation generation,
            Schedules schedules,
            Calendar calendar,
            Publishing publishing,
            Recurrences recurrences,
            Queues queues) {}

    UseCases create(Runtime runtime, SchedulerEngine engine);

    /** The registered access, initializing the use-case package if needed. */
    static UseCaseAccess get() {
        UseCaseAccess access = Holder.access;
        if (access == null) {
            try {
                Class.forName(Posts.class.getName(), true, Posts.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            access = Holder.access;
        }
        if (access == null) {
            throw new IllegalStateException("the use-case package did not register itself");
        }
        return access;
    }

    static void register(UseCaseAccess access) {
        Holder.access = access;
    }

    /** Holds the registration. */
    final class Holder {
        private static volatile @Nullable UseCaseAccess access;

        private Holder() {}
    }
}
