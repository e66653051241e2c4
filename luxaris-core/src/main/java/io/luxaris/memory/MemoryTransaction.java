package io.luxaris.memory;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Cursor;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateId;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.spi.storage.CalendarCriteria;
import io.luxaris.spi.storage.CalendarRow;
import io.luxaris.spi.storage.ChannelRepository;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.ConnectionRepository;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.GenerationRepository;
import io.luxaris.spi.storage.IdempotencyRepository;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.PostRepository;
import io.luxaris.spi.storage.PostingQueueRepository;
import io.luxaris.spi.storage.PublishEventRepository;
import io.luxaris.spi.storage.ReapResult;
import io.luxaris.spi.storage.ScheduleCountCriteria;
import io.luxaris.spi.storage.ScheduleCountRow;
import io.luxaris.spi.storage.ScheduleQueue;
import io.luxaris.spi.storage.ScheduleRepository;
import io.luxaris.spi.storage.TemplateRepository;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.spi.storage.VariantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One transaction on the in-memory database: repositories plus an undo log. */
final class MemoryTransaction implements Transaction {
    private static final Comparator<Schedule> BY_RUN_AT =
            Comparator.comparing(Schedule::runAt).thenComparing(s -> s.id().value());

    private final MemoryDatabase db;
    private final Clock clock;
    private final boolean readOnly;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean open = true;

    private final Channels channels = new Channels();
    private final Connections connections = new Connections();
    private final Posts posts = new Posts();
    private final Variants variants = new Variants();
    private final Schedules schedules = new Schedules();
    private final Events events = new Events();
    private final Templates templates = new Templates();
    private final Generations generations = new Generations();
    private final Queue queue = new Queue();
    private final MemoryApprovals approvals;
    private final MemoryIdempotency idempotency = new MemoryIdempotency(this);
    private final MemoryRecurrences recurrences;
    private final MemoryPostingQueues postingQueues = new MemoryPostingQueues(this);

    MemoryTransaction(MemoryDatabase db, Clock clock, boolean readOnly) {
        this.db = db;
        this.clock = clock;
        this.readOnly = readOnly;
        this.approvals = new MemoryApprovals(db, this);
        this.recurrences = new MemoryRecurrences(this, db.recurrences);
    }

    boolean readOnly() {
        return readOnly;
    }

    void undo(Runnable action) {
        undo.push(action);
    }

    void commit() {
        undo.clear();
        open = false;
    }

    void rollback() {
        open = false;
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    MemoryDatabase db() {
        return db;
    }

    void writable() {
        if (!open) {
            throw new IllegalStateException("the transaction is over");
        }
        if (readOnly) {
            throw new IllegalStateException("write in a read-only transaction");
        }
    }

    void readable() {
        if (!open) {
            throw new IllegalStateException("the transaction is over");
        }
    }

    @Override
    public ChannelRepository channels() {
        return channels;
    }

    @Override
    public ConnectionRepository connections() {
        return connections;
    }

    @Override
    public PostRepository posts() {
        return posts;
    }

    @Override
    public VariantRepository variants() {
        return variants;
    }

    @Override
    public ScheduleRepository schedules() {
        return schedules;
    }

    @Override
    public PublishEventRepository publishEvents() {
        return events;
    }

    @Override
    public TemplateRepository templates() {
        return templates;
    }

    @Override
    public GenerationRepository generations() {
        return generations;
    }

    @Override
    public ScheduleQueue queue() {
        return queue;
    }

    @Override
    public io.luxaris.spi.storage.ApprovalRepository approvals() {
        return approvals;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    @Override
    public io.luxaris.spi.storage.RecurrenceRepository recurrences() {
        return recurrences;
    }

    @Override
    public PostingQueueRepository postingQueues() {
        return postingQueues;
    }

    void checkWritable() {
        writable();
    }

    void checkReadable() {
        readable();
    }

    private static void requireAbsent(@Nullable Object existing, String entity, Object id) {
        if (existing != null) {
            throw new ConflictException(entity + " " + id + " already exists");
        }
    }

    private static <T> T requireVersion(
            @Nullable T stored, long storedVersion, long version, String entity, Object id) {
        if (stored == null) {
            throw new ConflictException(entity + " " + id + " does not exist any more");
        }
        if (storedVersion != version) {
            throw ConflictException.concurrentModification(entity, id);
        }
        return stored;
    }

    // ------------------------------------------------------------------ repositories

    private final class Channels implements ChannelRepository {
        @Override
        public void upsert(Channel channel) {
            writable();
            db.putChannel(MemoryTransaction.this, channel);
        }

        @Override
        public Optional<Channel> find(ChannelId id) {
            readable();
            return Optional.ofNullable(db.channels.get(id));
        }

        @Override
        public List<Channel> list() {
            readable();
            return db.channels.values().stream()
                    .sorted(Comparator.comparing(Channel::key))
                    .toList();
        }
    }

    private final class Connections implements ConnectionRepository {
        @Override
        public void insert(ChannelConnection connection, byte[] sealedCredentials) {
            writable();
            requireAbsent(db.connections.get(connection.id()), "connection", connection.id());
            if (!db.channels.containsKey(connection.channelId())) {
                throw new ConflictException("channel " + connection.channelId() + " does not exist");
            }
            db.putConnection(MemoryTransaction.this, connection);
            db.putCredentials(MemoryTransaction.this, connection.id(), sealedCredentials);
        }

        @Override
        public ChannelConnection update(ChannelConnection connection) {
            writable();
            ChannelConnection stored = db.connections.get(connection.id());
            stored = requireVersion(
                    stored,
                    stored == null ? -1 : stored.version(),
                    connection.version(),
                    "connection",
                    connection.id());
            var next = new ChannelConnection(
                    connection.id(),
                    stored.ownerPrincipalId(),
                    stored.channelId(),
                    connection.displayName(),
                    connection.status(),
                    connection.statusReason(),
                    connection.properties(),
                    connection.credentialsExpireAt(),
                    connection.refreshExpiresAt(),
                    stored.createdAt(),
                    connection.updatedAt(),
                    connection.lastUsedAt().isPresent() ? connection.lastUsedAt() : stored.lastUsedAt(),
                    stored.version() + 1);
            db.putConnection(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<ChannelConnection> find(ConnectionId id) {
            readable();
            return Optional.ofNullable(db.connections.get(id));
        }

        @Override
        public List<ChannelConnection> list(OwnerScope owners, Optional<ChannelId> channel) {
            readable();
            return db.connections.values().stream()
                    .filter(c -> owners.includes(c.ownerPrincipalId()))
                    .filter(c -> channel.isEmpty() || c.channelId().equals(channel.get()))
                    .sorted(Comparator.comparing(ChannelConnection::createdAt).thenComparing(c -> c.id().value()))
                    .toList();
        }

        @Override
        public Optional<byte[]> credentials(ConnectionId id) {
            readable();
            return Optional.ofNullable(db.credentials.get(id)).map(byte[]::clone);
        }

        @Override
        public void updateCredentials(ConnectionId id, byte[] sealedCredentials) {
            writable();
            if (!db.connections.containsKey(id)) {
                throw new ConflictException("connection " + id + " does not exist");
            }
            db.putCredentials(MemoryTransaction.this, id, sealedCredentials);
        }

        @Override
        public void touch(ConnectionId id, Instant lastUsedAt) {
            writable();
            ChannelConnection stored = db.connections.get(id);
            if (stored != null) {
                db.putConnection(MemoryTransaction.this, stored.withLastUsedAt(lastUsedAt));
            }
        }
    }

    private final class Posts implements PostRepository {
        @Override
        public void insert(Post post) {
            writable();
            requireAbsent(db.post(post.id()), "post", post.id());
            db.putPost(MemoryTransaction.this, post);
        }

        @Override
        public Post update(Post post) {
            writable();
            Post stored = db.post(post.id());
            stored = requireVersion(stored, stored == null ? -1 : stored.version(), post.version(), "post", post.id());
            var next = new Post(
                    post.id(),
                    stored.ownerPrincipalId(),
                    post.title(),
                    post.baseContent(),
                    post.tags(),
                    post.status(),
                    post.metadata(),
                    stored.createdAt(),
                    post.updatedAt(),
                    post.publishedAt(),
                    stored.version() + 1);
            db.putPost(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<Post> find(PostId id) {
            readable();
            return Optional.ofNullable(db.post(id));
        }

        @Override
        public List<Post> list(PostCriteria c) {
            readable();
            var out = new ArrayList<Post>();
            var keys = c.after().isPresent()
                    ? db.postsByCreated
                            .headSet(
                                    new Key(
                                            c.after().get().at(),
                                            c.after().get().id()),
                                    false)
                            .descendingSet()
                    : db.postsByCreated.descendingSet();
            for (Key key : keys) {
                Post p = db.post(new PostId(key.id()));
                if (p == null
                        || !c.owners().includes(p.ownerPrincipalId())
                        || (!c.statuses().isEmpty() && !c.statuses().contains(p.status()))
                        || (c.tag().isPresent() && !p.tags().contains(c.tag().get()))) {
                    continue;
                }
                out.add(p);
                if (out.size() >= c.limit()) {
                    break;
                }
            }
            return out;
        }
    }

    private final class Variants implements VariantRepository {
        @Override
        public void insert(PostVariant variant) {
            writable();
            requireAbsent(db.variants.get(variant.id()), "variant", variant.id());
            if (!db.posts.containsKey(variant.postId())) {
                throw new ConflictException("post " + variant.postId() + " does not exist");
            }
            db.putVariant(MemoryTransaction.this, variant);
        }

        @Override
        public PostVariant update(PostVariant variant) {
            writable();
            PostVariant stored = db.variants.get(variant.id());
            stored = requireVersion(
                    stored, stored == null ? -1 : stored.version(), variant.version(), "variant", variant.id());
            var next = new PostVariant(
                    variant.id(),
                    stored.postId(),
                    stored.channelId(),
                    variant.connectionId(),
                    variant.content(),
                    variant.thread(),
                    variant.followUps(),
                    variant.media(),
                    variant.tone(),
                    variant.source(),
                    variant.status(),
                    variant.metadata(),
                    stored.createdAt(),
                    variant.updatedAt(),
                    variant.publishedAt(),
                    stored.version() + 1);
            db.putVariant(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<PostVariant> find(VariantId id) {
            readable();
            return Optional.ofNullable(db.variants.get(id));
        }

        @Override
        public List<PostVariant> listByPost(PostId post) {
            readable();
            MemoryDatabase.PostRow row = db.posts.get(post);
            if (row == null) {
                return List.of();
            }
            return row.variants.stream().map(db.variants::get).toList();
        }

        @Override
        public boolean delete(VariantId id) {
            writable();
            if (db.schedulesByVariant.containsKey(id)) {
                throw new ConflictException("variant " + id + " is referenced by schedules");
            }
            boolean existed = db.variants.containsKey(id);
            db.removeVariant(MemoryTransaction.this, id);
            return existed;
        }
    }

    private final class Schedules implements ScheduleRepository {
        @Override
        public void insert(Schedule schedule) {
            writable();
            requireAbsent(db.schedule(schedule.id()), "schedule", schedule.id());
            if (!db.variants.containsKey(schedule.variantId())) {
                throw new ConflictException("variant " + schedule.variantId() + " does not exist");
            }
            if (!db.connections.containsKey(schedule.connectionId())) {
                throw new ConflictException("connection " + schedule.connectionId() + " does not exist");
            }
            db.putSchedule(MemoryTransaction.this, schedule);
        }

        @Override
        public Schedule update(Schedule schedule) {
            writable();
            Schedule stored = db.schedule(schedule.id());
            stored = requireVersion(
                    stored, stored == null ? -1 : stored.version(), schedule.version(), "schedule", schedule.id());
            Schedule next = schedule.toBuilder().version(stored.version() + 1).build();
            db.putSchedule(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<Schedule> find(ScheduleId id) {
            readable();
            return Optional.ofNullable(db.schedule(id));
        }

        @Override
        public List<Schedule> listByPost(PostId post) {
            readable();
            MemoryDatabase.PostRow row = db.posts.get(post);
            return sorted(row == null ? null : row.schedules);
        }

        @Override
        public List<Schedule> listByPosts(Collection<PostId> posts) {
            readable();
            var all = new ArrayList<Schedule>();
            for (PostId post : posts) {
                MemoryDatabase.PostRow row = db.posts.get(post);
                if (row != null) {
                    for (ScheduleId id : row.schedules) {
                        all.add(Objects.requireNonNull(db.schedule(id)));
                    }
                }
            }
            return all;
        }

        @Override
        public List<Schedule> listByVariant(VariantId variant) {
            readable();
            return sorted(db.schedulesByVariant.get(variant));
        }

        @Override
        public List<Schedule> listActiveByConnection(ConnectionId connection, Instant from, Instant to) {
            readable();
            return sorted(db.schedulesByConnection.get(connection)).stream()
                    .filter(s -> (s.status().isActive() || s.status() == ScheduleStatus.AWAITING_APPROVAL)
                            && !s.runAt().isBefore(from)
                            && s.runAt().isBefore(to))
                    .toList();
        }

        private List<Schedule> sorted(@Nullable Set<ScheduleId> ids) {
            if (ids == null) {
                return List.of();
            }
            return ids.stream().map(db::schedule).sorted(BY_RUN_AT).toList();
        }

        @Override
        public List<CalendarRow> calendar(CalendarCriteria c) {
            readable();
            Key start = c.after().isPresent() && !c.after().get().at().isBefore(c.from())
                    ? new Key(c.after().get().at(), c.after().get().id())
                    : Key.lowest(c.from());
            boolean inclusive = c.after().isEmpty() || c.after().get().at().isBefore(c.from());
            var out = new ArrayList<CalendarRow>();
            for (Key key : db.calendar.subSet(start, inclusive, Key.lowest(c.to()), false)) {
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (s.isFollowUp()) {
                    continue; // a follow-up part is not a post of its own
                }
                if ((!c.channels().isEmpty() && !c.channels().contains(s.channelId()))
                        || (!c.connections().isEmpty() && !c.connections().contains(s.connectionId()))
                        || (!c.scheduleStatuses().isEmpty()
                                && !c.scheduleStatuses().contains(s.status()))) {
                    continue;
                }
                Post post = Objects.requireNonNull(db.post(s.postId()));
                if (!c.owners().includes(post.ownerPrincipalId())
                        || (!c.postStatuses().isEmpty() && !c.postStatuses().contains(post.status()))
                        || (c.tag().isPresent() && !post.tags().contains(c.tag().get()))) {
                    continue;
                }
                out.add(new CalendarRow(
                        s,
                        post,
                        Objects.requireNonNull(db.variants.get(s.variantId())),
                        Objects.requireNonNull(db.connections.get(s.connectionId()))));
                if (out.size() >= c.limit()) {
                    break;
                }
            }
            return out;
        }

        @Override
        public List<ScheduleCountRow> counts(ScheduleCountCriteria c) {
            readable();
            var groups = new java.util.LinkedHashMap<Group, Long>();
            for (Key key : db.calendar.subSet(Key.lowest(c.from()), true, Key.lowest(c.to()), false)) {
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (s.isFollowUp()) {
                    continue;
                }
                if (!c.owners()
                        .includes(Objects.requireNonNull(db.post(s.postId())).ownerPrincipalId())) {
                    continue;
                }
                var group = new Group(
                        c.byStatus() ? Optional.of(s.status()) : Optional.empty(),
                        c.byChannel() ? Optional.of(s.channelId()) : Optional.empty(),
                        c.byConnection() ? Optional.of(s.connectionId()) : Optional.empty());
                groups.merge(group, 1L, Long::sum);
            }
            var out = new ArrayList<ScheduleCountRow>();
            groups.forEach((g, n) -> out.add(new ScheduleCountRow(g.status(), g.channel(), g.connection(), n)));
            return out;
        }
    }

    /** One group of a schedule count. */
    private record Group(
            Optional<ScheduleStatus> status, Optional<ChannelId> channel, Optional<ConnectionId> connection) {}

    private final class Events implements PublishEventRepository {
        @Override
        public void insert(PublishEvent event) {
            writable();
            MemoryDatabase.ScheduleRow row = db.schedules.get(event.scheduleId());
            if (row == null) {
                throw new ConflictException("schedule " + event.scheduleId() + " does not exist");
            }
            db.addEvent(MemoryTransaction.this, row, event);
        }

        @Override
        public List<PublishEvent> listBySchedule(ScheduleId schedule) {
            readable();
            MemoryDatabase.ScheduleRow row = db.schedules.get(schedule);
            var list = row == null ? null : row.events;
            if (list == null) {
                return List.of();
            }
            return list.stream()
                    .sorted(Comparator.comparingInt(PublishEvent::attemptIndex).thenComparing(PublishEvent::timestamp))
                    .toList();
        }
    }

    private final class Templates implements TemplateRepository {
        @Override
        public void insert(PostTemplate template) {
            writable();
            requireAbsent(db.templates.get(template.id()), "template", template.id());
            if (findByName(template.ownerPrincipalId(), template.name()).isPresent()) {
                throw new ConflictException("a template named '" + template.name() + "' already exists for this owner");
            }
            db.putTemplate(MemoryTransaction.this, template);
        }

        @Override
        public PostTemplate update(PostTemplate template) {
            writable();
            PostTemplate stored = db.templates.get(template.id());
            stored = requireVersion(
                    stored, stored == null ? -1 : stored.version(), template.version(), "template", template.id());
            var clash = findByName(stored.ownerPrincipalId(), template.name());
            if (clash.isPresent() && !clash.get().id().equals(template.id())) {
                throw new ConflictException("a template named '" + template.name() + "' already exists for this owner");
            }
            var next = new PostTemplate(
                    template.id(),
                    stored.ownerPrincipalId(),
                    template.name(),
                    template.description(),
                    template.body(),
                    template.defaultChannelId(),
                    template.constraints(),
                    stored.createdAt(),
                    template.updatedAt(),
                    stored.version() + 1);
            db.putTemplate(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<PostTemplate> find(TemplateId id) {
            readable();
            return Optional.ofNullable(db.templates.get(id));
        }

        @Override
        public Optional<PostTemplate> findByName(String owner, String name) {
            readable();
            return db.templates.values().stream()
                    .filter(t -> t.ownerPrincipalId().equals(owner) && t.name().equals(name))
                    .findFirst();
        }

        @Override
        public List<PostTemplate> list(OwnerScope owners) {
            readable();
            return db.templates.values().stream()
                    .filter(t -> owners.includes(t.ownerPrincipalId()))
                    .sorted(Comparator.comparing(PostTemplate::name).thenComparing(t -> t.id().value()))
                    .toList();
        }

        @Override
        public boolean delete(TemplateId id) {
            writable();
            boolean existed = db.templates.containsKey(id);
            db.removeTemplate(MemoryTransaction.this, id);
            return existed;
        }
    }

    private final class Generations implements GenerationRepository {
        @Override
        public void insertSession(GenerationSession session) {
            writable();
            requireAbsent(db.sessions.get(session.id()), "generation session", session.id());
            db.putSession(MemoryTransaction.this, session);
        }

        @Override
        public GenerationSession updateSession(GenerationSession session) {
            writable();
            GenerationSession stored = db.sessions.get(session.id());
            stored = requireVersion(
                    stored,
                    stored == null ? -1 : stored.version(),
                    session.version(),
                    "generation session",
                    session.id());
            var next = new GenerationSession(
                    session.id(),
                    stored.ownerPrincipalId(),
                    session.postId(),
                    session.templateId(),
                    session.prompt(),
                    session.status(),
                    session.channelErrors(),
                    stored.createdAt(),
                    session.updatedAt(),
                    stored.version() + 1);
            db.putSession(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<GenerationSession> findSession(GenerationSessionId id) {
            readable();
            return Optional.ofNullable(db.sessions.get(id));
        }

        @Override
        public List<GenerationSession> listSessions(OwnerScope owners, int limit) {
            readable();
            var out = new ArrayList<GenerationSession>();
            for (Key key : db.sessionsByCreated.descendingSet()) {
                GenerationSession s = Objects.requireNonNull(db.sessions.get(new GenerationSessionId(key.id())));
                if (owners.includes(s.ownerPrincipalId())) {
                    out.add(s);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        }

        @Override
        public void insertSuggestions(List<GenerationSuggestion> suggestions) {
            writable();
            for (GenerationSuggestion s : suggestions) {
                requireAbsent(db.suggestions.get(s.id()), "suggestion", s.id());
                if (!db.sessions.containsKey(s.sessionId())) {
                    throw new ConflictException("generation session " + s.sessionId() + " does not exist");
                }
                db.putSuggestion(MemoryTransaction.this, s);
            }
        }

        @Override
        public GenerationSuggestion updateSuggestion(GenerationSuggestion suggestion) {
            writable();
            GenerationSuggestion stored = db.suggestions.get(suggestion.id());
            stored = requireVersion(
                    stored,
                    stored == null ? -1 : stored.version(),
                    suggestion.version(),
                    "suggestion",
                    suggestion.id());
            var next = new GenerationSuggestion(
                    suggestion.id(),
                    stored.sessionId(),
                    stored.channelId(),
                    suggestion.content(),
                    suggestion.score(),
                    suggestion.accepted(),
                    suggestion.metadata(),
                    stored.createdAt(),
                    stored.version() + 1);
            db.putSuggestion(MemoryTransaction.this, next);
            return next;
        }

        @Override
        public Optional<GenerationSuggestion> findSuggestion(SuggestionId id) {
            readable();
            return Optional.ofNullable(db.suggestions.get(id));
        }

        @Override
        public List<GenerationSuggestion> listSuggestions(GenerationSessionId session) {
            readable();
            var ids = db.suggestionsBySession.get(session);
            if (ids == null) {
                return List.of();
            }
            return ids.stream().map(db.suggestions::get).toList();
        }
    }

    // ------------------------------------------------------------------ the queue

    private final class Queue implements ScheduleQueue {
        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public List<Schedule> claim(ClaimRequest request) {
            writable();
            Instant now = now();
            Instant expires = now.plus(request.leaseDuration());
            var picked = new ArrayList<Schedule>(Math.min(request.limit(), 256));
            for (Key key : db.pending.headSet(Key.highest(now), true)) {
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (!request.channels().contains(s.channelId())
                        || request.excludedConnections().contains(s.connectionId())) {
                    continue;
                }
                picked.add(s);
                if (picked.size() >= request.limit()) {
                    break;
                }
            }
            var claimed = new ArrayList<Schedule>(picked.size());
            for (Schedule s : picked) {
                Schedule next = request.claimed(s, now, expires);
                db.putSchedule(MemoryTransaction.this, next);
                claimed.add(next);
            }
            return claimed;
        }

        private boolean holds(@Nullable Schedule s, Fence fence) {
            return s != null
                    && s.attemptCount() == fence.attempt()
                    && s.lease().isPresent()
                    && s.lease().get().owner().equals(fence.owner());
        }

        @Override
        public List<ScheduleId> markProcessing(Collection<Fence> fences) {
            writable();
            Instant now = now();
            var moved = new ArrayList<ScheduleId>();
            for (Fence fence : fences) {
                Schedule s = db.schedule(fence.id());
                if (s == null
                        || !holds(s, fence)
                        || s.status() != ScheduleStatus.QUEUED
                        || !s.lease().get().expiresAt().isAfter(now)) {
                    continue;
                }
                db.putSchedule(
                        MemoryTransaction.this,
                        s.toBuilder()
                                .status(ScheduleStatus.PROCESSING)
                                .lastAttemptAt(Optional.of(now))
                                .updatedAt(now)
                                .version(s.version() + 1)
                                .build());
                moved.add(fence.id());
            }
            return moved;
        }

        @Override
        public boolean complete(Fence fence, Schedule outcome) {
            writable();
            Schedule s = db.schedule(fence.id());
            if (s == null
                    || !holds(s, fence)
                    || !(s.status() == ScheduleStatus.QUEUED
                            || s.status() == ScheduleStatus.PROCESSING
                            || s.status() == ScheduleStatus.UNCONFIRMED)) {
                return false;
            }
            db.putSchedule(
                    MemoryTransaction.this,
                    outcome.toBuilder()
                            .lease(Optional.empty())
                            .attemptCount(s.attemptCount())
                            .version(s.version() + 1)
                            .build());
            return true;
        }

        @Override
        public int heartbeat(String owner, Collection<ScheduleId> held, Instant leaseExpiresAt) {
            writable();
            var ids = db.leasesByOwner.get(owner);
            if (ids == null) {
                return 0;
            }
            int n = 0;
            for (ScheduleId id : held) {
                Schedule s = Objects.requireNonNull(db.schedule(id));
                if (!ids.contains(id) || !MemoryDatabase.holdsLease(s)) {
                    continue;
                }
                if (s.lease().get().expiresAt().isBefore(leaseExpiresAt)) {
                    db.putSchedule(
                            MemoryTransaction.this,
                            s.toBuilder()
                                    .lease(Optional.of(new Lease(owner, leaseExpiresAt)))
                                    .build());
                }
                n++;
            }
            return n;
        }

        @Override
        public List<Schedule> release(Collection<Fence> fences) {
            writable();
            Instant now = now();
            var released = new ArrayList<Schedule>();
            for (Fence fence : fences) {
                Schedule s = db.schedule(fence.id());
                if (s == null
                        || !holds(s, fence)
                        || !(s.status() == ScheduleStatus.QUEUED || s.status() == ScheduleStatus.PROCESSING)) {
                    continue;
                }
                Schedule next = s.toBuilder()
                        .status(ScheduleStatus.PENDING)
                        .lease(Optional.empty())
                        .updatedAt(now)
                        .version(s.version() + 1)
                        .build();
                db.putSchedule(MemoryTransaction.this, next);
                released.add(next);
            }
            return released;
        }

        @Override
        public ReapResult reap(int limit) {
            writable();
            Instant now = now();
            var requeued = new ArrayList<Schedule>();
            var unconfirmed = new ArrayList<Schedule>();
            for (Key key : List.copyOf(db.leases.headSet(Key.lowest(now), false))) {
                if (requeued.size() + unconfirmed.size() >= limit) {
                    break;
                }
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (s.status() == ScheduleStatus.QUEUED) {
                    Schedule next = s.toBuilder()
                            .status(ScheduleStatus.PENDING)
                            .lease(Optional.empty())
                            .updatedAt(now)
                            .version(s.version() + 1)
                            .build();
                    db.putSchedule(MemoryTransaction.this, next);
                    requeued.add(next);
                } else if (s.status() == ScheduleStatus.PROCESSING) {
                    Schedule next = s.toBuilder()
                            .status(ScheduleStatus.UNCONFIRMED)
                            .error(
                                    Optional.of("lease_expired"),
                                    Optional.of("the engine publishing it stopped answering; the outcome is unknown"))
                            .updatedAt(now)
                            .version(s.version() + 1)
                            .build();
                    db.putSchedule(MemoryTransaction.this, next);
                    unconfirmed.add(next);
                }
            }
            return new ReapResult(requeued, unconfirmed);
        }

        @Override
        public Optional<Instant> nextDue(Set<ChannelId> channels) {
            readable();
            for (Key key : db.pending) {
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (channels.contains(s.channelId())) {
                    return Optional.of(s.nextAttemptAt());
                }
            }
            return Optional.empty();
        }

        @Override
        public Backlog backlog(Set<ChannelId> channels) {
            readable();
            Instant now = now();
            long due = 0;
            Instant oldest = null;
            for (Key key : db.pending.headSet(Key.highest(now), true)) {
                Schedule s = Objects.requireNonNull(db.schedule(new ScheduleId(key.id())));
                if (channels.contains(s.channelId())) {
                    due++;
                    if (oldest == null) {
                        oldest = s.nextAttemptAt();
                    }
                }
            }
            long unconfirmed = 0;
            for (ScheduleId id : db.unconfirmed) {
                if (channels.contains(Objects.requireNonNull(db.schedule(id)).channelId())) {
                    unconfirmed++;
                }
            }
            return new Backlog(due, Optional.ofNullable(oldest), unconfirmed, now);
        }

        @Override
        public int defer(ConnectionId connection, Instant until) {
            writable();
            var ids = db.schedulesByConnection.get(connection);
            if (ids == null) {
                return 0;
            }
            int n = 0;
            for (ScheduleId id : List.copyOf(ids)) {
                Schedule s = Objects.requireNonNull(db.schedule(id));
                if (s.status() == ScheduleStatus.PENDING && s.nextAttemptAt().isBefore(until)) {
                    db.putSchedule(
                            MemoryTransaction.this,
                            s.toBuilder()
                                    .nextAttemptAt(until)
                                    .version(s.version() + 1)
                                    .build());
                    n++;
                }
            }
            return n;
        }
    }

    static UUID uuid(Cursor cursor) {
        return cursor.id();
    }
}
