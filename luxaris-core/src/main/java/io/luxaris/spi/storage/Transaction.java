package io.luxaris.spi.storage;

/** The repositories of one transaction. Valid only while the transaction runs. */
public interface Transaction {
    /** {@return the channel catalog} */
    ChannelRepository channels();

    /** {@return the channel connections and their credentials} */
    ConnectionRepository connections();

    /** {@return the posts} */
    PostRepository posts();

    /** {@return the post variants} */
    VariantRepository variants();

    /** {@return the schedules} */
    ScheduleRepository schedules();

    /** {@return the publish events} */
    PublishEventRepository publishEvents();

    /** {@return the templates} */
    TemplateRepository templates();

    /** {@return the generation sessions and suggestions} */
    GenerationRepository generations();

    /** {@return the engine-facing queue operations on schedules} */
    ScheduleQueue queue();

    /** {@return which posts and connections require approval before their schedules are published} */
    ApprovalRepository approvals();
    /** {@return the idempotency keys of creating calls} */
    IdempotencyRepository idempotency();
    /** {@return the recurring series and their materialised occurrences} */
    RecurrenceRepository recurrences();
    /** {@return the publishing queues and their claimed slots} */
    PostingQueueRepository postingQueues();
}
