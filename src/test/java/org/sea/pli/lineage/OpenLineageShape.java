package org.sea.pli.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The required fields of an OpenLineage run event, as the OpenLineage JSON schema (spec 2-0-2,
 * {@code OpenLineage.json}: RunEvent, Run, Job, Dataset, BaseFacet) states them, checked by hand:
 * the schema does not ship in openlineage-java, and the project carries no copy of it.
 */
final class OpenLineageShape {

    private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

    private OpenLineageShape() {}

    /** Every violation found, empty when the event has the schema's required shape. */
    static List<String> violations(JsonNode event) {
        List<String> v = new ArrayList<>();
        dateTime(v, event, "eventTime");
        uri(v, event, "producer");
        uri(v, event, "schemaURL");
        if (event.has("eventType")
                && !EVENT_TYPES.contains(event.get("eventType").asText())) {
            v.add("eventType " + event.get("eventType") + " is not one of " + EVENT_TYPES);
        }
        JsonNode run = event.path("run");
        try {
            UUID.fromString(run.path("runId").asText(""));
        } catch (IllegalArgumentException e) {
            v.add("run.runId is not a UUID");
        }
        facets(v, "run", run.path("facets"));
        JsonNode job = event.path("job");
        text(v, job, "namespace", "job");
        text(v, job, "name", "job");
        facets(v, "job", job.path("facets"));
        for (String list : List.of("inputs", "outputs")) {
            if (event.has(list) && !event.get(list).isArray()) {
                v.add(list + " is not an array");
            }
            int i = 0;
            for (JsonNode d : event.path(list)) {
                String where = list + "[" + i++ + "]";
                text(v, d, "namespace", where);
                text(v, d, "name", where);
                facets(v, where + ".facets", d.path("facets"));
                facets(v, where + ".inputFacets", d.path("inputFacets"));
                facets(v, where + ".outputFacets", d.path("outputFacets"));
            }
        }
        JsonNode schema = event.path("outputs").path(0).path("facets").path("schema");
        for (JsonNode field : schema.path("fields")) {
            text(v, field, "name", "schema field");
        }
        return v;
    }

    /** BaseFacet: each facet an object with {@code _producer} and {@code _schemaURL} URIs. */
    private static void facets(List<String> v, String where, JsonNode facets) {
        if (facets.isMissingNode()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isObject()) {
                v.add(where + "." + f.getKey() + " is not an object");
                continue;
            }
            uri(v, f.getValue(), "_producer");
            uri(v, f.getValue(), "_schemaURL");
        }
    }

    private static void text(List<String> v, JsonNode node, String field, String where) {
        if (!node.path(field).isTextual() || node.path(field).asText().isEmpty()) {
            v.add(where + "." + field + " missing");
        }
    }

    private static void uri(List<String> v, JsonNode node, String field) {
        try {
            if (!URI.create(node.path(field).asText("")).isAbsolute()) {
                v.add(field + " is not an absolute URI");
            }
        } catch (IllegalArgumentException e) {
            v.add(field + " is not a URI");
        }
    }

    private static void dateTime(List<String> v, JsonNode node, String field) {
        try {
            OffsetDateTime.parse(node.path(field).asText(""));
        } catch (RuntimeException e) {
            v.add(field + " is not a date-time");
        }
    }
}
