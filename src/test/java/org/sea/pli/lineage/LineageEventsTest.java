package org.sea.pli.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.parquet.MartSchema;

/**
 * The events LineageEvents builds, against the OpenLineage JSON schema (OpenLineageSchema), and the
 * check itself: an event broken in the ways the schema forbids must be rejected, or a passing
 * validation would prove nothing.
 */
class LineageEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");

    final LineageEvents events = new LineageEvents("s3a://bucket/w", "2026-06-30_1", "2026-06-30");

    final List<LineageEvents.Dataset> inputs =
            List.of(LineageEvents.Dataset.at(URI.create("file:/inbox/_state/leas.csv")));

    final List<LineageEvents.MartOutput> outputs = List.of(
            new LineageEvents.MartOutput(
                    LineageEvents.Dataset.at(URI.create("s3a://bucket/w/current/cohort_impact")),
                    MartSchema.load("cohort_impact"),
                    94,
                    2),
            new LineageEvents.MartOutput(
                    LineageEvents.Dataset.at(URI.create("hdfs://nn:8020/w/current/load_report")),
                    MartSchema.load("load_report"),
                    0,
                    1));

    @Test
    void startCompleteAndFailValidate() {
        for (String event : List.of(
                events.start(AT),
                events.complete(AT, inputs, outputs),
                events.fail(AT, "cannot read _state/leas.csv: missing column lea_id", inputs, outputs))) {
            assertThat(OpenLineageSchema.violations(event)).as(event).isEmpty();
        }
    }

    /** The local schema copies are the versions the client writes: each file's $id is the URL an event names. */
    @Test
    void everySchemaAnEventNamesHasItsLocalCopy() throws IOException {
        List<String> urls = new ArrayList<>();
        for (String event : List.of(events.complete(AT, inputs, outputs), events.fail(AT, "failed", inputs, outputs))) {
            JsonNode node = JSON.readTree(event);
            urls.add(node.get("schemaURL").asText());
            node.findValues("_schemaURL").forEach(url -> urls.add(url.asText()));
        }
        // the event, processing_engine, plImpact_run, errorMessage, jobType, schema, outputStatistics
        assertThat(urls.stream().distinct()).hasSize(7);
        for (String url : urls) {
            String file = OpenLineageSchema.file(url);
            assertThat(OpenLineageSchema.localCopy(file)).as(url).isNotNull();
            assertThat(OpenLineageSchema.localCopy(file).get("$id").asText()).isEqualTo(file);
        }
    }

    @Test
    void theCompleteEventCarriesEveryFacetTheCatalogsRead() throws IOException {
        JsonNode complete = JSON.readTree(events.complete(AT, inputs, outputs));
        assertThat(complete.at("/run/facets/plImpact_run/run_id").asText()).isEqualTo("2026-06-30_1");
        assertThat(complete.at("/run/facets/plImpact_run/as_of").asText()).isEqualTo("2026-06-30");
        JsonNode cohort = complete.at("/outputs/0");
        assertThat(cohort.get("namespace").asText()).isEqualTo("s3://bucket");
        assertThat(cohort.get("name").asText()).isEqualTo("w/current/cohort_impact");
        assertThat(cohort.at("/facets/schema/fields/0/name").asText()).isEqualTo("school_year");
        assertThat(cohort.at("/outputFacets/outputStatistics/rowCount").asLong())
                .isEqualTo(94);
        assertThat(cohort.at("/outputFacets/outputStatistics/fileCount").asLong())
                .isEqualTo(2);
        assertThat(complete.at("/outputs/1/namespace").asText()).isEqualTo("hdfs://nn:8020");
        assertThat(complete.at("/inputs/0/name").asText()).isEqualTo("/inbox/_state/leas.csv");
    }

    @Test
    void anEventWithoutItsTimeIsRejected() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.start(AT));
        event.remove("eventTime");
        assertThat(OpenLineageSchema.violations(event.toString()))
                .singleElement()
                .asString()
                .startsWith("RunEvent: ")
                .contains("eventTime");
    }

    @Test
    void aRunIdThatIsNoUuidAndAnUnknownEventTypeAreRejected() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.start(AT));
        event.put("eventType", "DONE");
        ((ObjectNode) event.get("run")).put("runId", "2026-06-30_1");
        assertThat(OpenLineageSchema.violations(event.toString()))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("/eventType"))
                .anySatisfy(v -> assertThat(v).contains("/run/runId"));
    }

    /** The core schema leaves a facet's own fields open: only the facet's schema finds these. */
    @Test
    void aFacetWithAWrongTypeOrWithoutARequiredFieldIsRejected() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.fail(AT, "failed", inputs, outputs));
        ((ObjectNode) event.at("/outputs/0/outputFacets/outputStatistics")).put("rowCount", "94");
        ((ObjectNode) event.at("/run/facets/errorMessage")).remove("programmingLanguage");
        assertThat(OpenLineageSchema.violations(event.toString()))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v)
                        .startsWith("outputs[0].outputFacets.outputStatistics: ")
                        .contains("rowCount"))
                .anySatisfy(v ->
                        assertThat(v).startsWith("run.facets.errorMessage: ").contains("programmingLanguage"));
    }

    @Test
    void plImpactsOwnFacetIsCheckedAgainstItsSchema() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.start(AT));
        ((ObjectNode) event.at("/run/facets/plImpact_run")).put("run_id", "nightly");
        assertThat(OpenLineageSchema.violations(event.toString()))
                .singleElement()
                .asString()
                .startsWith("run.facets.plImpact_run: ")
                .contains("run_id");
    }

    @Test
    void aFacetUnderAnotherKeyOrWithAnUnknownSchemaIsRejected() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.complete(AT, inputs, outputs));
        ObjectNode facets = (ObjectNode) event.at("/outputs/0/facets");
        facets.set("columns", facets.remove("schema"));
        ((ObjectNode) event.at("/job/facets/jobType"))
                .put("_schemaURL", OpenLineageSchema.SPEC + "facets/9-9-9/JobTypeJobFacet.json#/$defs/JobTypeJobFacet");
        assertThat(OpenLineageSchema.violations(event.toString()))
                .containsExactlyInAnyOrder(
                        "outputs[0].facets.columns: " + OpenLineageSchema.SPEC
                                + "facets/1-2-0/SchemaDatasetFacet.json declares its facet under schema, not columns",
                        "job.facets.jobType: no local copy of the schema " + OpenLineageSchema.SPEC
                                + "facets/9-9-9/JobTypeJobFacet.json#/$defs/JobTypeJobFacet");
    }
}
