package io.luxaris.jdbc.internal;

import java.util.Optional;

/** The (schema-qualified, prefixed) names of the tables. */
final class Tables {
    final String channel;
    final String connection;
    final String post;
    final String postTag;
    final String variant;
    final String schedule;
    final String event;
    final String template;
    final String session;
    final String suggestion;
    final String approvalRule;
    final String idempotency;
    final String recurringSeries;
    final String recurringOccurrence;
    final String postingQueue;
    final String postingQueueSlot;

    Tables(Optional<String> schema, String prefix) {
        String q = schema.map(s -> s + ".").orElse("") + prefix;
        channel = q + "channel";
        connection = q + "connection";
        post = q + "post";
        postTag = q + "post_tag";
        variant = q + "variant";
        schedule = q + "schedule";
        event = q + "publish_event";
        template = q + "template";
        session = q + "generation_session";
        suggestion = q + "generation_suggestion";
        approvalRule = q + "approval_rule";
        idempotency = q + "idempotency_key";
        recurringSeries = q + "recurring_series";
        recurringOccurrence = q + "recurring_occurrence";
        postingQueue = q + "posting_queue";
        postingQueueSlot = q + "posting_queue_slot";
    }
}
