package io.luxaris.examples.boot;

import io.luxaris.Luxaris;
import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small REST API over the facade: connections, posts and variants, schedules, the calendar. The acting user is
 * the {@code X-User} header; Luxaris's access policy (owner only by default) decides what they may see and change.
 */
@RestController
@RequestMapping("/api")
class LuxarisApi {
    static final String USER = "X-User";

    private final Luxaris luxaris;

    LuxarisApi(Luxaris luxaris) {
        this.luxaris = luxaris;
    }

    record ConnectionBody(String channel, String name, String accessToken) {}

    record VariantBody(String channel, String content) {}

    record PostBody(String title, String content, VariantBody variant) {}

    /** Either {@code at} (an instant) or {@code localTime} with {@code zone}. */
    record ScheduleBody(String variantId, String connectionId, Instant at, LocalDateTime localTime, String zone) {}

    private static Principal principal(String user) {
        return Principal.of(user);
    }

    private Map<ChannelId, String> channelKeys(Principal p) {
        return luxaris.channels().catalog(p).stream().collect(Collectors.toMap(Channel::id, Channel::key));
    }

    private Views.PostView view(Principal p, PostDetails details) {
        Map<ChannelId, String> keys = channelKeys(p);
        return Views.PostView.of(details.post(), Views.variants(details, v -> keys.get(v.channelId())));
    }

    @PostMapping("/connections")
    @ResponseStatus(HttpStatus.CREATED)
    Views.ConnectionView connect(@RequestHeader(USER) String user, @RequestBody ConnectionBody body) {
        Principal p = principal(user);
        var c = luxaris.channels()
                .connect(
                        p,
                        ConnectionRequest.of(
                                body.channel(),
                                body.name(),
                                Credentials.bearer(body.accessToken() == null ? "" : body.accessToken())));
        return Views.ConnectionView.of(c, body.channel());
    }

    @GetMapping("/connections")
    List<Views.ConnectionView> connections(@RequestHeader(USER) String user) {
        Principal p = principal(user);
        Map<ChannelId, String> keys = channelKeys(p);
        return luxaris.channels().list(p).stream()
                .map(c -> Views.ConnectionView.of(c, keys.get(c.channelId())))
                .toList();
    }

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    Views.PostView createPost(@RequestHeader(USER) String user, @RequestBody PostBody body) {
        Principal p = principal(user);
        PostDraft draft = PostDraft.of(body.content());
        if (body.title() != null) {
            draft = draft.withTitle(body.title());
        }
        if (body.variant() != null) {
            draft = draft.withVariant(
                    VariantDraft.of(body.variant().channel(), body.variant().content()));
        }
        return view(p, luxaris.posts().create(p, draft));
    }

    @GetMapping("/posts/{id}")
    Views.PostView post(@RequestHeader(USER) String user, @PathVariable String id) {
        Principal p = principal(user);
        return view(p, luxaris.posts().get(p, PostId.of(id)));
    }

    @PostMapping("/posts/{id}/variants")
    @ResponseStatus(HttpStatus.CREATED)
    Views.VariantView addVariant(
            @RequestHeader(USER) String user, @PathVariable String id, @RequestBody VariantBody body) {
        Principal p = principal(user);
        PostVariant v = luxaris.posts().addVariant(p, PostId.of(id), VariantDraft.of(body.channel(), body.content()));
        return Views.VariantView.of(v, body.channel());
    }

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    Views.ScheduleView schedule(@RequestHeader(USER) String user, @RequestBody ScheduleBody body) {
        Principal p = principal(user);
        VariantId variant = VariantId.of(body.variantId());
        ConnectionId connection = ConnectionId.of(body.connectionId());
        ScheduleRequest request = body.at() != null
                ? ScheduleRequest.at(variant, connection, body.at())
                : ScheduleRequest.at(variant, connection, body.localTime(), ZoneId.of(body.zone()));
        return Views.ScheduleView.of(luxaris.schedules().schedule(p, request));
    }

    @GetMapping("/schedules/{id}")
    Views.ScheduleView schedule(@RequestHeader(USER) String user, @PathVariable String id) {
        return Views.ScheduleView.of(luxaris.schedules().get(principal(user), ScheduleId.of(id)));
    }

    @PostMapping("/schedules/{id}/cancel")
    Views.ScheduleView cancel(@RequestHeader(USER) String user, @PathVariable String id) {
        return Views.ScheduleView.of(luxaris.schedules().cancel(principal(user), ScheduleId.of(id)));
    }

    @GetMapping("/calendar")
    List<Views.CalendarView> calendar(
            @RequestHeader(USER) String user, @RequestParam Instant from, @RequestParam Instant to) {
        return luxaris.calendar().between(principal(user), from, to, CalendarFilter.none()).items().stream()
                .map(Views.CalendarView::of)
                .toList();
    }
}
