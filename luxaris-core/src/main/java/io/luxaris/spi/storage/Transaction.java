package io.luxaris.spi.storage;

/** The repositories of one transaction. Valid only while the transaction runs. */
public interface Transaction {
    ChannelRepository channels();

    ConnectionRepository connections();

    PostRepository posts();

    VariantRepository variants();

    ScheduleRepository schedules();

    PublishEventRepository publishEvents();

    TemplateRepository templates();

    GenerationRepository generations();

    /** The engine-facing queue operations on schedules. */
    ScheduleQueue queue();
}
