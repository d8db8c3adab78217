package org.sea.pli.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks run events against the OpenLineage JSON schema: the event against {@code RunEvent} of
 * {@code OpenLineage.json}, and each facet against the facet schema its {@code _schemaURL} names (the
 * core schema only asks a facet for {@code _producer} and {@code _schemaURL}). The schemas are the
 * unmodified copies under {@code src/test/resources/openlineage/} (see the README there) and, for
 * pl-impact's own run facet, {@code schemas/lineage/}; every reference resolves to those files and
 * nothing else may be loaded, so a facet whose schema has no local copy is a violation, never a download.
 */
final class OpenLineageSchema {

    static final String SPEC = "https://openlineage.io/spec/";

    static final String RUN_EVENT = SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent";

    static final String RUN_FACET_FILE = file(LineageEvents.RUN_FACET_SCHEMA.toString());

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(
            // OpenLineage's schemas annotate their fields with "example", which draft 2020-12 does not define
            Dialect.builder(Dialects.getDraft202012())
                    .keyword(new AnnotationKeyword("example"))
                    .build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            // uuid, uri, date and date-time are assertions here, not annotations only
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaLoader(loader -> loader.schemaIdResolvers(ids ->
                                    ids.mappings(id -> resource(id) == null ? null : "classpath:" + resource(id)))
                            .allow(iri -> resource(iri.toString()) != null)));

    private OpenLineageSchema() {}

    /** Every violation of one event (a JSON line), empty when the event and all its facets validate. */
    static List<String> violations(String event) {
        List<String> v = new ArrayList<>();
        for (Error e : REGISTRY.getSchema(SchemaLocation.of(RUN_EVENT)).validate(event, InputFormat.JSON)) {
            v.add("RunEvent: " + e);
        }
        JsonNode node;
        try {
            node = JSON.readTree(event);
        } catch (IOException e) {
            v.add("not JSON: " + e.getMessage());
            return v;
        }
        facets(v, "run.facets", node.path("run").path("facets"));
        facets(v, "job.facets", node.path("job").path("facets"));
        for (String list : List.of("inputs", "outputs")) {
            int i = 0;
            for (JsonNode dataset : node.path(list)) {
                String where = list + "[" + i++ + "]";
                facets(v, where + ".facets", dataset.path("facets"));
                facets(v, where + ".inputFacets", dataset.path("inputFacets"));
                facets(v, where + ".outputFacets", dataset.path("outputFacets"));
            }
        }
        return v;
    }

    /**
     * Each facet against the definition its {@code _schemaURL} points at ({@code <file>#/$defs/<Facet>}).
     * A facet file also names the key its facet goes under ({@code properties.schema} in
     * SchemaDatasetFacet.json): a facet under another key would not be read as that facet.
     */
    private static void facets(List<String> v, String where, JsonNode facets) {
        for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            String at = where + "." + facet.getKey();
            String url = facet.getValue().path("_schemaURL").asText("");
            JsonNode schema = url.indexOf('#') < 0 ? null : localCopy(file(url));
            if (schema == null) {
                v.add(at + ": no local copy of the schema " + url);
                continue;
            }
            String definition = url.substring(url.indexOf('#'));
            JsonNode declared = schema.path("properties");
            if (!declared.isEmpty()
                    && !declared.path(facet.getKey()).path("$ref").asText().equals(definition)) {
                v.add(at + ": " + file(url) + " declares its facet under "
                        + declared.fieldNames().next() + ", not " + facet.getKey());
            }
            List<Error> errors = REGISTRY.getSchema(SchemaLocation.of(url)).validate(facet.getValue());
            for (Error e : errors) {
                v.add(at + ": " + e);
            }
        }
    }

    /** The class path resource holding the schema file with that {@code $id}, or null when there is none. */
    private static String resource(String schemaFile) {
        if (schemaFile.startsWith(SPEC)) {
            return "openlineage/spec/" + schemaFile.substring(SPEC.length());
        }
        return schemaFile.equals(RUN_FACET_FILE) ? "schemas/lineage/PlImpactRunFacet.json" : null;
    }

    static String file(String schemaUrl) {
        int hash = schemaUrl.indexOf('#');
        return hash < 0 ? schemaUrl : schemaUrl.substring(0, hash);
    }

    static JsonNode localCopy(String schemaFile) {
        String resource = resource(schemaFile);
        if (resource == null) {
            return null;
        }
        try (InputStream in = OpenLineageSchema.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
