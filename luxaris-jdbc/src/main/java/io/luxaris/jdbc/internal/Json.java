package io.luxaris.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.errors.StorageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON forms of the values kept in JSON columns. Written field by field (not by reflection) so that the
 * stored format does not change when a record gains a component.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EMPTY_OBJECT = "{}";
    private static final String EMPTY_ARRAY = "[]";

    private Json() {}

    static String map(Map<String, String> map) {
        if (map.isEmpty()) {
            return EMPTY_OBJECT;
        }
        ObjectNode node = MAPPER.createObjectNode();
        map.forEach(node::put);
        return write(node);
    }

    static Map<String, String> map(String json) {
        var map = new LinkedHashMap<String, String>();
        if (isEmpty(json)) {
            return map;
        }
        JsonNode node = read(json);
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static String list(List<String> list) {
        if (list.isEmpty()) {
            return EMPTY_ARRAY;
        }
        ArrayNode node = MAPPER.createArrayNode();
        list.forEach(node::add);
        return write(node);
    }

    static List<String> list(String json) {
        var list = new ArrayList<String>();
        if (isEmpty(json)) {
            return list;
        }
        read(json).forEach(n -> list.add(n.asText()));
        return list;
    }

    static String followUps(List<io.luxaris.domain.FollowUp> followUps) {
        ArrayNode node = MAPPER.createArrayNode();
        for (io.luxaris.domain.FollowUp f : followUps) {
            ObjectNode item = node.addObject();
            item.put("kind", f.kind().wireName());
            item.put("text", f.text());
            item.put("delay", f.delay().toString());
        }
        return write(node);
    }

    /** The follow-ups of a variant; a NULL column (a row from before migration 8) holds none. */
    static List<io.luxaris.domain.FollowUp> followUps(String json) {
        var list = new ArrayList<io.luxaris.domain.FollowUp>();
        if (json == null || isEmpty(json)) {
            return list;
        }
        for (JsonNode item : read(json)) {
            list.add(new io.luxaris.domain.FollowUp(
                    io.luxaris.domain.FollowUpKind.fromWireName(
                            item.path("kind").asText()),
                    item.path("text").asText(),
                    java.time.Duration.parse(item.path("delay").asText())));
        }
        return list;
    }

    static String media(List<MediaRef> media) {
        ArrayNode node = MAPPER.createArrayNode();
        for (MediaRef m : media) {
            ObjectNode item = node.addObject();
            item.put("kind", m.kind().wireName());
            item.put("ref", m.ref());
            m.altText().ifPresent(alt -> item.put("alt", alt));
        }
        return write(node);
    }

    static List<MediaRef> media(String json) {
        var list = new ArrayList<MediaRef>();
        if (isEmpty(json)) {
            return list;
        }
        for (JsonNode item : read(json)) {
            list.add(new MediaRef(
                    MediaKind.fromWireName(item.path("kind").asText()),
                    item.path("ref").asText(),
                    item.hasNonNull("alt") ? Optional.of(item.get("alt").asText()) : Optional.empty()));
        }
        return list;
    }

    static String limits(ChannelLimits limits) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("maxTextLength", limits.maxTextLength());
        node.put("maxMediaItems", limits.maxMediaItems());
        node.put("images", limits.supportsImages());
        node.put("gif", limits.supportsGif());
        node.put("video", limits.supportsVideo());
        node.put("links", limits.supportsLinks());
        node.put("maxThreadParts", limits.maxThreadParts());
        limits.maxPostsPerDay().ifPresent(n -> node.put("maxPostsPerDay", n));
        return write(node);
    }

    static ChannelLimits limits(String json) {
        JsonNode node = read(json);
        return new ChannelLimits(
                node.path("maxTextLength").asInt(),
                node.path("maxMediaItems").asInt(),
                node.path("images").asBoolean(),
                node.path("gif").asBoolean(),
                node.path("video").asBoolean(),
                node.path("links").asBoolean(),
                node.path("maxThreadParts").asInt(),
                node.hasNonNull("maxPostsPerDay")
                        ? OptionalInt.of(node.get("maxPostsPerDay").asInt())
                        : OptionalInt.empty());
    }

    static String constraints(TemplateConstraints constraints) {
        ObjectNode node = MAPPER.createObjectNode();
        constraints.maxLength().ifPresent(n -> node.put("maxLength", n));
        constraints.defaultTone().ifPresent(t -> node.put("defaultTone", t));
        ArrayNode presets = node.putArray("tonePresets");
        constraints.tonePresets().forEach(presets::add);
        return write(node);
    }

    static TemplateConstraints constraints(String json) {
        JsonNode node = read(json);
        var presets = new ArrayList<String>();
        node.path("tonePresets").forEach(n -> presets.add(n.asText()));
        return new TemplateConstraints(
                node.hasNonNull("maxLength")
                        ? OptionalInt.of(node.get("maxLength").asInt())
                        : OptionalInt.empty(),
                node.hasNonNull("defaultTone")
                        ? Optional.of(node.get("defaultTone").asText())
                        : Optional.empty(),
                presets);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Whether a column holds the empty object or array as the databases print them: most maps and lists stored are
     * empty (metadata, checkpoints, tags, media, follow-ups), and each read of a row would parse them.
     */
    private static boolean isEmpty(String json) {
        return json.equals(EMPTY_OBJECT) || json.equals(EMPTY_ARRAY);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("a JSON column holds malformed JSON", e, false);
        }
    }
}
