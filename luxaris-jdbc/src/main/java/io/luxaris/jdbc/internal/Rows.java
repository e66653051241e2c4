package io.luxaris.jdbc.internal;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventId;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/** Column lists and row mappers of every table. A prefix lets joined queries read aliased columns. */
final class Rows {
    static final List<String> CHANNEL =
            List.of("id", "channel_key", "name", "status", "limits", "created_at", "updated_at");
    static final List<String> CONNECTION = List.of(
            "id",
            "owner_id",
            "channel_id",
            "display_name",
            "status",
            "status_reason",
            "properties",
            "credentials_expire_at",
            "refresh_expires_at",
            "created_at",
            "updated_at",
            "last_used_at",
            "version");
    static final List<String> POST = List.of(
            "id",
            "owner_id",
            "title",
            "base_content",
            "tags",
            "status",
            "metadata",
            "created_at",
            "updated_at",
            "published_at",
            "version");
    static final List<String> VARIANT = List.of(
            "id",
            "post_id",
            "channel_id",
            "connection_id",
            "content",
            "thread",
            "follow_ups",
            "media",
            "tone",
            "source",
            "status",
            "metadata",
            "created_at",
            "updated_at",
            "published_at",
            "version");
    static final List<String> SCHEDULE = List.of(
            "id",
            "post_id",
            "variant_id",
            "channel_id",
            "connection_id",
            "run_at",
            "timezone",
            "status",
            "attempt_count",
            "next_attempt_at",
            "last_attempt_at",
            "error_code",
            "error_message",
            "external_post_id",
            "external_url",
            "lease_owner",
            "lease_expires_at",
            "checkpoint",
            "created_at",
            "updated_at",
            "version",
            "follow_up_root",
            "follow_up_parent",
            "follow_up_index");
    static final List<String> EVENT = List.of(
            "id",
            "schedule_id",
            "attempt_index",
            "event_at",
            "status",
            "external_post_id",
            "external_url",
            "failure_kind",
            "error_code",
            "error_message",
            "raw_response");
    static final List<String> TEMPLATE = List.of(
            "id",
            "owner_id",
            "name",
            "description",
            "body",
            "default_channel_id",
            "constraints",
            "created_at",
            "updated_at",
            "version");
    static final List<String> SESSION = List.of(
            "id",
            "owner_id",
            "post_id",
            "template_id",
            "prompt",
            "status",
            "channel_errors",
            "created_at",
            "updated_at",
            "version");
    static final List<String> SUGGESTION = List.of(
            "id", "session_id", "channel_id", "content", "score", "accepted", "metadata", "created_at", "version");

    private final SqlDialect d;

    Rows(SqlDialect dialect) {
        this.d = dialect;
    }

    /** {@code a.x, a.y} */
    /**
     * The label of column {@code name} under prefix {@code p}: the literal itself without a prefix, so that the
     * driver's lookup by label hashes a string whose hash is kept instead of a new concatenation per column and row.
     */
    static String c(String p, String name) {
        return p.isEmpty() ? name : p + name;
    }

    static String columns(List<String> columns) {
        return String.join(", ", columns);
    }

    /** {@code alias.x AS p_x, ...} for joins. */
    static String aliased(String alias, String prefix, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c + " AS " + prefix + c).collect(Collectors.joining(", "));
    }

    RowMapper<Channel> channel() {
        return (rs, ctx) -> new Channel(
                new ChannelId(d.uuid(rs, "id")),
                rs.getString("channel_key"),
                rs.getString("name"),
                ChannelStatus.fromWireName(rs.getString("status")),
                Json.limits(rs.getString("limits")),
                d.instant(rs, "created_at"),
                d.instant(rs, "updated_at"));
    }

    RowMapper<ChannelConnection> connection(String p) {
        return (rs, ctx) -> connection(rs, p);
    }

    ChannelConnection connection(ResultSet rs, String p) throws SQLException {
        return new ChannelConnection(
                new ConnectionId(d.uuid(rs, c(p, "id"))),
                rs.getString(c(p, "owner_id")),
                new ChannelId(d.uuid(rs, c(p, "channel_id"))),
                rs.getString(c(p, "display_name")),
                ConnectionStatus.fromWireName(rs.getString(c(p, "status"))),
                Optional.ofNullable(rs.getString(c(p, "status_reason"))),
                Json.map(rs.getString(c(p, "properties"))),
                optionalInstant(rs, c(p, "credentials_expire_at")),
                optionalInstant(rs, c(p, "refresh_expires_at")),
                d.instant(rs, c(p, "created_at")),
                d.instant(rs, c(p, "updated_at")),
                optionalInstant(rs, c(p, "last_used_at")),
                rs.getLong(c(p, "version")));
    }

    RowMapper<Post> post(String p) {
        return (rs, ctx) -> post(rs, p);
    }

    Post post(ResultSet rs, String p) throws SQLException {
        return new Post(
                new PostId(d.uuid(rs, c(p, "id"))),
                rs.getString(c(p, "owner_id")),
                Optional.ofNullable(rs.getString(c(p, "title"))),
                rs.getString(c(p, "base_content")),
                Json.list(rs.getString(c(p, "tags"))),
                PostStatus.fromWireName(rs.getString(c(p, "status"))),
                Json.map(rs.getString(c(p, "metadata"))),
                d.instant(rs, c(p, "created_at")),
                d.instant(rs, c(p, "updated_at")),
                optionalInstant(rs, c(p, "published_at")),
                rs.getLong(c(p, "version")));
    }

    RowMapper<PostVariant> variant(String p) {
        return (rs, ctx) -> variant(rs, p);
    }

    PostVariant variant(ResultSet rs, String p) throws SQLException {
        UUID connection = d.optionalUuid(rs, c(p, "connection_id"));
        return new PostVariant(
                new VariantId(d.uuid(rs, c(p, "id"))),
                new PostId(d.uuid(rs, c(p, "post_id"))),
                new ChannelId(d.uuid(rs, c(p, "channel_id"))),
                Optional.ofNullable(connection).map(ConnectionId::new),
                rs.getString(c(p, "content")),
                Json.list(rs.getString(c(p, "thread"))),
                Json.followUps(rs.getString(c(p, "follow_ups"))),
                Json.media(rs.getString(c(p, "media"))),
                Optional.ofNullable(rs.getString(c(p, "tone"))),
                VariantSource.fromWireName(rs.getString(c(p, "source"))),
                VariantStatus.fromWireName(rs.getString(c(p, "status"))),
                Json.map(rs.getString(c(p, "metadata"))),
                d.instant(rs, c(p, "created_at")),
                d.instant(rs, c(p, "updated_at")),
                optionalInstant(rs, c(p, "published_at")),
                rs.getLong(c(p, "version")));
    }

    RowMapper<Schedule> schedule(String p) {
        return (rs, ctx) -> schedule(rs, p);
    }

    Schedule schedule(ResultSet rs, String p) throws SQLException {
        String leaseOwner = rs.getString(c(p, "lease_owner"));
        Instant leaseExpires = d.optionalInstant(rs, c(p, "lease_expires_at"));
        Optional<Lease> lease = leaseOwner != null && leaseExpires != null
                ? Optional.of(new Lease(leaseOwner, leaseExpires))
                : Optional.empty();
        return new Schedule(
                new ScheduleId(d.uuid(rs, c(p, "id"))),
                new PostId(d.uuid(rs, c(p, "post_id"))),
                new VariantId(d.uuid(rs, c(p, "variant_id"))),
                new ChannelId(d.uuid(rs, c(p, "channel_id"))),
                new ConnectionId(d.uuid(rs, c(p, "connection_id"))),
                d.instant(rs, c(p, "run_at")),
                ZoneId.of(rs.getString(c(p, "timezone"))),
                ScheduleStatus.fromWireName(rs.getString(c(p, "status"))),
                rs.getInt(c(p, "attempt_count")),
                d.instant(rs, c(p, "next_attempt_at")),
                optionalInstant(rs, c(p, "last_attempt_at")),
                Optional.ofNullable(rs.getString(c(p, "error_code"))),
                Optional.ofNullable(rs.getString(c(p, "error_message"))),
                Optional.ofNullable(rs.getString(c(p, "external_post_id"))),
                Optional.ofNullable(rs.getString(c(p, "external_url"))),
                lease,
                Json.map(rs.getString(c(p, "checkpoint"))),
                d.instant(rs, c(p, "created_at")),
                d.instant(rs, c(p, "updated_at")),
                rs.getLong(c(p, "version")),
                followUpLink(rs, p));
    }

    private Optional<io.luxaris.domain.FollowUpLink> followUpLink(ResultSet rs, String p) throws SQLException {
        UUID root = d.optionalUuid(rs, c(p, "follow_up_root"));
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(new io.luxaris.domain.FollowUpLink(
                new ScheduleId(root),
                new ScheduleId(d.uuid(rs, c(p, "follow_up_parent"))),
                rs.getInt(c(p, "follow_up_index"))));
    }

    RowMapper<PublishEvent> event() {
        return (rs, ctx) -> new PublishEvent(
                new PublishEventId(d.uuid(rs, "id")),
                new ScheduleId(d.uuid(rs, "schedule_id")),
                rs.getInt("attempt_index"),
                d.instant(rs, "event_at"),
                PublishEventStatus.fromWireName(rs.getString("status")),
                Optional.ofNullable(rs.getString("external_post_id")),
                Optional.ofNullable(rs.getString("external_url")),
                Optional.ofNullable(rs.getString("failure_kind")).map(FailureKind::fromWireName),
                Optional.ofNullable(rs.getString("error_code")),
                Optional.ofNullable(rs.getString("error_message")),
                Optional.ofNullable(rs.getString("raw_response")));
    }

    RowMapper<PostTemplate> template() {
        return (rs, ctx) -> {
            UUID channel = d.optionalUuid(rs, "default_channel_id");
            return new PostTemplate(
                    new TemplateId(d.uuid(rs, "id")),
                    rs.getString("owner_id"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("description")),
                    rs.getString("body"),
                    Optional.ofNullable(channel).map(ChannelId::new),
                    Json.constraints(rs.getString("constraints")),
                    d.instant(rs, "created_at"),
                    d.instant(rs, "updated_at"),
                    rs.getLong("version"));
        };
    }

    RowMapper<GenerationSession> session() {
        return (rs, ctx) -> {
            UUID post = d.optionalUuid(rs, "post_id");
            UUID template = d.optionalUuid(rs, "template_id");
            return new GenerationSession(
                    new GenerationSessionId(d.uuid(rs, "id")),
                    rs.getString("owner_id"),
                    Optional.ofNullable(post).map(PostId::new),
                    Optional.ofNullable(template).map(TemplateId::new),
                    rs.getString("prompt"),
                    GenerationStatus.fromWireName(rs.getString("status")),
                    Json.map(rs.getString("channel_errors")),
                    d.instant(rs, "created_at"),
                    d.instant(rs, "updated_at"),
                    rs.getLong("version"));
        };
    }

    RowMapper<GenerationSuggestion> suggestion() {
        return (rs, ctx) -> {
            double score = rs.getDouble("score");
            OptionalDouble optionalScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
            return new GenerationSuggestion(
                    new SuggestionId(d.uuid(rs, "id")),
                    new GenerationSessionId(d.uuid(rs, "session_id")),
                    new ChannelId(d.uuid(rs, "channel_id")),
                    rs.getString("content"),
                    optionalScore,
                    rs.getBoolean("accepted"),
                    Json.map(rs.getString("metadata")),
                    d.instant(rs, "created_at"),
                    rs.getLong("version"));
        };
    }

    private Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(d.optionalInstant(rs, column));
    }
}
