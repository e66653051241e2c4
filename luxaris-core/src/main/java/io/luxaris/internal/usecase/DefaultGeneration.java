package io.luxaris.internal.usecase;

import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Limits;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TextMeasure;
import io.luxaris.domain.VariantSource;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Fitting;
import io.luxaris.internal.Redactor;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.ChannelTarget;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.RewordRequest;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.AcceptedSuggestion;
import io.luxaris.usecase.Generation;
import io.luxaris.usecase.GenerationRequest;
import io.luxaris.usecase.SessionDetails;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Generation} of an instance, built by the facade. */
public final class DefaultGeneration implements Generation {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGeneration.class);

    private final CoreRuntime rt;
    private final DefaultPosts posts;
    private final DefaultTemplates templates;

    public DefaultGeneration(CoreRuntime rt, DefaultPosts posts, DefaultTemplates templates) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    @Override
    public SessionDetails generate(Principal principal, GenerationRequest request) {
        rt.requireCreate(principal, ResourceType.GENERATION_SESSION);
        Objects.requireNonNull(request, "request");
        var v = Validation.start();
        v.text("prompt", request.prompt(), Limits.PROMPT);
        v.maxSize("channels", request.channels(), Limits.GENERATION_CHANNELS);
        if (request.channels().isEmpty()) {
            v.add("channels", "required", "name at least one target channel");
        }
        var channels = new ArrayList<RegisteredChannel>();
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < request.channels().size(); i++) {
            String key = request.channels().get(i);
            try {
                RegisteredChannel c = rt.requireChannel(key, "channels[" + i + "]");
                if (seen.add(key)) {
                    channels.add(c);
                }
            } catch (ValidationException e) {
                v.addAll(e.violations());
            }
        }
        v.range("count", request.count(), 1, Limits.GENERATION_COUNT);
        request.tone().ifPresent(t -> v.text("tone", t, Limits.TONE));
        v.map(
                "templateValues",
                request.templateValues(),
                Limits.TEMPLATE_VALUES,
                Limits.METADATA_KEY,
                Limits.TEMPLATE_VALUE);
        String generatorKey = request.generator().orElse(rt.defaultGenerator());
        SuggestionGenerator generator = rt.generators().get(generatorKey);
        if (generator == null) {
            v.add(
                    "generator",
                    "unknown_generator",
                    "no generator '" + Redactor.truncate(generatorKey, 64) + "' is registered; known: "
                            + rt.generators().keySet().stream().sorted().toList());
        }
        v.throwIfInvalid();

        // read template and post, check access, render
        record Inputs(Optional<PostTemplate> template, Optional<String> rendered) {}
        Inputs inputs = rt.storage().readOnly(tx -> {
            request.post().ifPresent(id -> posts.writablePost(tx, principal, id));
            Optional<PostTemplate> template = request.template().map(id -> {
                PostTemplate t = templates.find(tx, id);
                rt.requireRead(principal, ResourceType.TEMPLATE, t.ownerPrincipalId(), id);
                return t;
            });
            return new Inputs(template, template.map(t -> templates.render(t, request.templateValues())));
        });

        Instant started = rt.now();
        var session = new GenerationSession(
                GenerationSessionId.random(),
                principal.id(),
                request.post(),
                request.template(),
                request.prompt().strip(),
                GenerationStatus.IN_PROGRESS,
                Map.of(),
                started,
                started,
                0);
        rt.storage().inTransaction(tx -> {
            tx.generations().insertSession(session);
            return null;
        });

        var suggestions = new ArrayList<GenerationSuggestion>();
        var errors = new LinkedHashMap<String, String>();
        @Nullable String current = null; // the channel being generated for, while one is
        try {
            for (RegisteredChannel channel : channels) {
                current = channel.key();
                int limit = channel.channel().limits().maxTextLength();
                int max = inputs.template()
                        .flatMap(t -> t.constraints().maxLength().isPresent()
                                ? Optional.of(t.constraints().maxLength().getAsInt())
                                : Optional.empty())
                        .map(m -> Math.min(m, limit))
                        .orElse(limit);
                Optional<String> tone = request.tone()
                        .or(() -> inputs.template().flatMap(t -> t.constraints().defaultTone()));
                var target = new ChannelTarget(
                        channel.key(),
                        channel.channel().name(),
                        channel.channel().limits(),
                        channel.measure());
                var prompt = new GenerationPrompt(
                        request.prompt().strip(),
                        inputs.rendered(),
                        target,
                        tone,
                        request.length(),
                        max,
                        request.count());
                try {
                    GenerationResult result = Objects.requireNonNull(generator).generate(prompt);
                    for (Candidate candidate : result.candidates()) {
                        suggestions.add(fit(
                                session.id(), channel, generator, generatorKey, prompt, candidate, result.metadata()));
                    }
                    if (!result.dropped().isEmpty()) {
                        errors.put(
                                channel.key(),
                                Redactor.truncate(
                                        Validation.storable(
                                                "dropped " + result.dropped().size() + " candidate(s): "
                                                        + String.join("; ", result.dropped())),
                                        Limits.ERROR_MESSAGE));
                    }
                    if (result.candidates().isEmpty() && result.dropped().isEmpty()) {
                        errors.put(channel.key(), "the generator returned no candidate");
                    }
                } catch (GenerationFailedException e) {
                    errors.put(
                            channel.key(),
                            Redactor.truncate(
                                    Validation.storable(
                                            e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage()),
                                    Limits.ERROR_MESSAGE));
                } catch (RuntimeException e) {
                    LOG.warn("generator {} failed for channel {}", generatorKey, channel.key(), e);
                    errors.put(
                            channel.key(),
                            "the generator failed unexpectedly (" + e.getClass().getSimpleName() + ")");
                }
            }
            current = null;
            GenerationStatus status = suggestions.isEmpty() ? GenerationStatus.ABORTED : GenerationStatus.COMPLETED;
            return rt.storage().inTransaction(tx -> {
                tx.generations().insertSuggestions(suggestions);
                GenerationSession stored =
                        tx.generations().findSession(session.id()).orElseThrow();
                GenerationSession done = tx.generations().updateSession(stored.finish(status, errors, rt.now()));
                return new SessionDetails(done, suggestions);
            });
        } catch (RuntimeException | Error e) {
            abortAfter(e, session, channels, errors, current);
            throw e;
        }
    }

    /**
     * Ends a session whose generation failed: {@code aborted}, with the reason under the channel that was being
     * generated for (or under every channel without an error yet, when storing the outcome failed). A failure to
     * write that is added to {@code failure} as suppressed.
     */
    private void abortAfter(
            Throwable failure,
            GenerationSession session,
            List<RegisteredChannel> channels,
            Map<String, String> errors,
            @Nullable String current) {
        var reasons = new LinkedHashMap<>(errors);
        String kind = failure.getClass().getSimpleName();
        if (current != null) {
            LOG.warn("generation failed for channel {}; session {} aborted", current, session.id(), failure);
            reasons.put(current, "generation failed unexpectedly (" + kind + ")");
        } else {
            LOG.warn("storing the outcome of generation session {} failed; session aborted", session.id(), failure);
            for (RegisteredChannel channel : channels) {
                reasons.putIfAbsent(channel.key(), "the suggestions could not be stored (" + kind + ")");
            }
        }
        try {
            rt.storage().inTransaction(tx -> {
                tx.generations()
                        .findSession(session.id())
                        .filter(s -> s.status() == GenerationStatus.IN_PROGRESS)
                        .ifPresent(s ->
                                tx.generations().updateSession(s.finish(GenerationStatus.ABORTED, reasons, rt.now())));
                return null;
            });
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }

    private GenerationSuggestion fit(
            GenerationSessionId session,
            RegisteredChannel channel,
            SuggestionGenerator generator,
            String generatorKey,
            GenerationPrompt prompt,
            Candidate candidate,
            Map<String, String> callMetadata) {
        TextMeasure measure = channel.measure();
        int max = prompt.maxLength();
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("generator", generatorKey);
        callMetadata.forEach(metadata::put);
        candidate.metadata().forEach(metadata::put);
        String text = Validation.storable(candidate.text().strip());
        int length = measure.measure(text);
        if (length > max) {
            metadata.put("original_length", Integer.toString(length));
            try {
                Optional<Candidate> reworded = generator.reword(new RewordRequest(prompt, candidate, length, max));
                if (reworded.isPresent()) {
                    metadata.put("reworded", "true");
                    reworded.get().metadata().forEach((k, val) -> metadata.put("reword_" + k, val));
                    text = Validation.storable(reworded.get().text().strip());
                }
            } catch (GenerationFailedException e) {
                metadata.put("reword_error", Redactor.truncate(String.valueOf(e.getMessage()), 200));
            } catch (RuntimeException e) {
                LOG.warn("generator {} failed to reword for channel {}", generatorKey, channel.key(), e);
                metadata.put("reword_error", e.getClass().getSimpleName());
            }
            if (measure.measure(text) > max) {
                text = Fitting.truncate(text, max, measure);
                metadata.put(GenerationSuggestion.TRUNCATED, "true");
            }
        }
        var bounded = new LinkedHashMap<String, String>();
        metadata.entrySet().stream()
                .limit(Limits.METADATA_ENTRIES)
                .forEach(e -> bounded.put(
                        Redactor.truncate(Validation.storable(e.getKey()), Limits.METADATA_KEY),
                        Redactor.truncate(Validation.storable(e.getValue()), Limits.METADATA_VALUE)));
        return new GenerationSuggestion(
                SuggestionId.random(),
                session,
                channel.channel().id(),
                text,
                candidate.score(),
                false,
                bounded,
                rt.now(),
                0);
    }

    @Override
    public SessionDetails get(Principal principal, GenerationSessionId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            GenerationSession session = readableSession(tx, principal, id);
            return new SessionDetails(session, tx.generations().listSuggestions(id));
        });
    }

    @Override
    public List<GenerationSession> list(Principal principal, int limit) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.range("limit", limit, 1, 500);
        v.throwIfInvalid();
        var scope = rt.access().readableOwners(principal, ResourceType.GENERATION_SESSION);
        return rt.storage().readOnly(tx -> tx.generations().listSessions(scope, limit));
    }

    @Override
    public AcceptedSuggestion accept(Principal principal, SuggestionId id) {
        return accept(principal, id, Optional.empty());
    }

    @Override
    public AcceptedSuggestion acceptInto(Principal principal, SuggestionId id, PostId post) {
        return accept(principal, id, Optional.of(Objects.requireNonNull(post, "post")));
    }

    @SuppressWarnings("ReferenceEquality") // records are immutable: the same instance back means nothing changed
    private AcceptedSuggestion accept(Principal principal, SuggestionId id, Optional<PostId> into) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().inTransaction(tx -> {
            GenerationSuggestion suggestion =
                    tx.generations().findSuggestion(id).orElseThrow(() -> new NotFoundException("suggestion", id));
            GenerationSession session =
                    tx.generations().findSession(suggestion.sessionId()).orElseThrow();
            rt.requireWrite(principal, ResourceType.GENERATION_SESSION, session.ownerPrincipalId(), session.id());
            if (session.status() == GenerationStatus.ABORTED) {
                throw new ConflictException("generation session " + session.id() + " was aborted");
            }
            RegisteredChannel channel = rt.channel(suggestion.channelId())
                    .orElseThrow(() -> new ConflictException("the suggestion's channel has no registered provider"));
            Instant now = rt.now();
            Optional<PostId> target = into.or(session::postId);
            Post post;
            if (target.isPresent()) {
                post = posts.writablePost(tx, principal, target.get());
            } else {
                rt.requireCreate(principal, ResourceType.POST);
                post = Post.draft(
                        principal.id(),
                        Optional.of(Redactor.truncate(session.prompt(), Limits.TITLE)),
                        suggestion.content(),
                        List.of(),
                        Map.of(),
                        now);
                tx.posts().insert(post);
            }
            var metadata = new LinkedHashMap<String, String>();
            metadata.put("generation_session", session.id().toString());
            metadata.put("suggestion", suggestion.id().toString());
            VariantDraft draft =
                    VariantDraft.of(channel.key(), suggestion.content()).withMetadata(metadata);
            PostVariant variant = posts.insertVariant(tx, principal, post, draft, VariantSource.GENERATED, "", now);
            GenerationSuggestion accepted = tx.generations().updateSuggestion(suggestion.markAccepted());
            GenerationSession s = session;
            if (s.postId().isEmpty()) {
                s = s.withPost(post.id(), now);
            }
            if (s.status() == GenerationStatus.IN_PROGRESS) {
                s = s.finish(GenerationStatus.COMPLETED, s.channelErrors(), now);
            }
            if (s != session) {
                tx.generations().updateSession(s);
            }
            return new AcceptedSuggestion(post, variant, accepted);
        });
    }

    @Override
    public GenerationSession abort(Principal principal, GenerationSessionId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().inTransaction(tx -> {
            GenerationSession session =
                    tx.generations().findSession(id).orElseThrow(() -> new NotFoundException("generation session", id));
            rt.requireWrite(principal, ResourceType.GENERATION_SESSION, session.ownerPrincipalId(), id);
            return tx.generations()
                    .updateSession(session.finish(GenerationStatus.ABORTED, session.channelErrors(), rt.now()));
        });
    }

    private GenerationSession readableSession(Transaction tx, Principal principal, GenerationSessionId id) {
        GenerationSession session =
                tx.generations().findSession(id).orElseThrow(() -> new NotFoundException("generation session", id));
        rt.requireRead(principal, ResourceType.GENERATION_SESSION, session.ownerPrincipalId(), id);
        return session;
    }
}
