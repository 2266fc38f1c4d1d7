package io.initguard.core.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.initguard.core.model.Location;

import java.io.IOException;
import java.io.InputStream;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a catalogue file: a YAML mapping with one key ({@code inits:} or {@code images:}) holding a list of entries,
 * each bound to a record by Jackson. Every error becomes a one-line {@link CatalogException} at the line Jackson
 * reports ({@link JsonLocation}); each entry keeps the location where it starts, for the checks made after binding.
 */
final class CatalogYaml {
    /** Loaded on first use only: the CLI's own catalogues are compiled into Java and never need it. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** An entry and where it starts in the file. */
    record Located<T>(T value, Location location) {
        CatalogException error(String reason) {
            return new CatalogException(location, reason);
        }
    }

    private CatalogYaml() {
    }

    static <T> List<Located<T>> readEntries(InputStream in, String sourceName, String rootKey, Class<T> type) {
        if (in == null) throw new CatalogException(new Location(sourceName, 0, 0), "the catalogue file is missing");
        try (JsonParser p = Yaml.MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new CatalogException(new Location(sourceName, 1, 1),
                        "the catalogue is empty; expected a mapping with the key '" + rootKey + "'");
            }
            if (t != JsonToken.START_OBJECT) {
                throw at(sourceName, p, "expected a mapping with the key '" + rootKey + "' at the top");
            }
            List<Located<T>> out = new ArrayList<>();
            boolean seen = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!field.equals(rootKey) || seen) {
                    throw at(sourceName, p, (seen ? "duplicate" : "unknown") + " top-level key '" + field
                            + "'; expected '" + rootKey + "' once");
                }
                seen = true;
                if (p.nextToken() != JsonToken.START_ARRAY) throw at(sourceName, p, "'" + rootKey + "' must be a list");
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw at(sourceName, p, "each entry of '" + rootKey + "' must be a mapping");
                    }
                    out.add(readEntry(p, sourceName, type));
                }
            }
            if (!seen) throw new CatalogException(new Location(sourceName, 1, 1), "missing the key '" + rootKey + "'");
            return out;
        } catch (JsonProcessingException e) {
            throw new CatalogException(location(sourceName, e.getLocation()), reason(e));
        } catch (IOException e) {
            throw new CatalogException(new Location(sourceName, 0, 0), "cannot read the catalogue: " + e.getMessage());
        }
    }

    /**
     * Binds one entry. Jackson buffers a record's properties and reports errors at the end of the mapping, so the
     * entry's keys are first copied into a buffer with their own locations: an unknown, duplicate or ill-typed key is
     * reported at its line.
     */
    private static <T> Located<T> readEntry(JsonParser p, String sourceName, Class<T> type) throws IOException {
        Location start = location(sourceName, p.currentTokenLocation());
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Location> keys = new HashMap<>();
        TokenBuffer buffer = new TokenBuffer(p);
        buffer.copyCurrentEvent(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            Location at = location(sourceName, p.currentTokenLocation());
            if (!known.contains(key)) {
                throw new CatalogException(at, "unknown key '" + key + "'; known keys: " + String.join(", ", known));
            }
            if (keys.putIfAbsent(key, at) != null) throw new CatalogException(at, "duplicate key '" + key + "'");
            buffer.copyCurrentEvent(p);
            p.nextToken();
            buffer.copyCurrentStructure(p);
        }
        buffer.copyCurrentEvent(p);
        try (JsonParser entry = buffer.asParser(p.getCodec())) {
            return new Located<>(Yaml.MAPPER.readValue(entry, type), start);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().getFirst().getFieldName();
            throw new CatalogException(field != null && keys.containsKey(field) ? keys.get(field) : start, reason(e));
        }
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known keys: " + known);
        }
        String message = e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().getFirst().getFieldName();
            if (field != null) message = "in '" + field + "': " + message;
        }
        return message;
    }

    private static CatalogException at(String sourceName, JsonParser p, String reason) {
        return new CatalogException(location(sourceName, p.currentTokenLocation()), reason);
    }

    private static Location location(String sourceName, JsonLocation l) {
        if (l == null) return new Location(sourceName, 0, 0);
        return new Location(sourceName, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    /** Null lists from absent keys become empty. */
    static <E> List<E> concat(List<E> a, List<E> b) {
        List<E> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Collapses {@code //} and {@code .}, resolves {@code ..}: {@code //usr/./bin/tini} becomes {@code /usr/bin/tini}. */
}
