package org.sea.pli.lineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.stage.ToolVersion;

/**
 * Builds the run events of one run as JSON lines. The OpenLineage run id is a name-based UUID of the
 * warehouse and the pl-impact run id, so a restart's events belong to the same run; the pl-impact
 * run id itself travels in the {@code plImpact_run} run facet.
 */
public final class LineageEvents {

    /** The job every run reports under. */
    public static final String JOB_NAMESPACE = "pl-impact";

    public static final String JOB_NAME = "pl-impact.nightly";

    static final URI PRODUCER = URI.create("https://github.com/sea/pl-impact");

    /**
     * pl-impact's own run facet, keyed {@code <prefix>_<name>} as OpenLineage asks of custom facets, and
     * its schema ({@code schemas/lineage/PlImpactRunFacet.json}, whose {@code $id} this names).
     */
    static final String RUN_FACET = "plImpact_run";

    static final URI RUN_FACET_SCHEMA =
            URI.create(PRODUCER + "/schemas/lineage/1-0-0/PlImpactRunFacet.json#/$defs/PlImpactRunFacet");

    /** A dataset by OpenLineage's naming: {@code file} + absolute path, {@code hdfs://host:port} + path, {@code s3://bucket} + key. */
    public record Dataset(String namespace, String name) {

        /** The dataset at a Hadoop/local URI such as {@code file:/w/current/x} or {@code s3a://b/w/current/x}. */
        public static Dataset at(URI uri) {
            String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return new Dataset("file", uri.getPath());
            }
            String namespace =
                    (scheme.equals("s3a") || scheme.equals("s3n") ? "s3" : scheme) + "://" + uri.getAuthority();
            return new Dataset(
                    namespace, scheme.startsWith("s3") ? uri.getPath().substring(1) : uri.getPath());
        }
    }

    /** A mart written by the run: where it is published, its schema and its rows and files. */
    public record MartOutput(Dataset dataset, MartSchema schema, long rows, long files) {}

    private final OpenLineage ol = new OpenLineage(PRODUCER);
    private final String runId;
    private final String asOf;
    private final UUID lineageRunId;

    /** @param warehouse the warehouse root, which with the run id names the run uniquely */
    public LineageEvents(String warehouse, String runId, String asOf) {
        this.runId = runId;
        this.asOf = asOf;
        this.lineageRunId = UUID.nameUUIDFromBytes((warehouse + "\n" + runId).getBytes(StandardCharsets.UTF_8));
    }

    public UUID lineageRunId() {
        return lineageRunId;
    }

    public String start(Instant at) {
        return json(event(EventType.START, at, null, List.of(), List.of()));
    }

    public String complete(Instant at, List<Dataset> inputs, List<MartOutput> outputs) {
        return json(event(EventType.COMPLETE, at, null, inputs, outputs));
    }

    /** @param error what failed, one line (no row values: run failures name files and counts only) */
    public String fail(Instant at, String error, List<Dataset> inputs, List<MartOutput> outputs) {
        return json(event(EventType.FAIL, at, error, inputs, outputs));
    }

    private OpenLineage.RunEvent event(
            EventType type, Instant at, String error, List<Dataset> inputs, List<MartOutput> outputs) {
        OpenLineage.RunFacet plImpact = new PlImpactRunFacet();
        plImpact.getAdditionalProperties().putAll(Map.of("run_id", runId, "as_of", asOf));
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder()
                .processing_engine(ol.newProcessingEngineRunFacet(ToolVersion.plImpact(), "pl-impact", null))
                .put(RUN_FACET, plImpact);
        if (error != null) {
            facets.errorMessage(ol.newErrorMessageRunFacet(error, "Java", null));
        }
        List<OpenLineage.InputDataset> in = new ArrayList<>();
        for (Dataset d : inputs) {
            in.add(ol.newInputDatasetBuilder()
                    .namespace(d.namespace())
                    .name(d.name())
                    .build());
        }
        List<OpenLineage.OutputDataset> out = new ArrayList<>();
        for (MartOutput m : outputs) {
            out.add(ol.newOutputDatasetBuilder()
                    .namespace(m.dataset().namespace())
                    .name(m.dataset().name())
                    .facets(ol.newDatasetFacetsBuilder()
                            .schema(schema(m.schema()))
                            .build())
                    .outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
                            .outputStatistics(ol.newOutputStatisticsOutputDatasetFacet(m.rows(), null, m.files()))
                            .build())
                    .build());
        }
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(at.atZone(ZoneOffset.UTC))
                .run(ol.newRunBuilder()
                        .runId(lineageRunId)
                        .facets(facets.build())
                        .build())
                .job(ol.newJobBuilder()
                        .namespace(JOB_NAMESPACE)
                        .name(JOB_NAME)
                        .facets(ol.newJobFacetsBuilder()
                                .jobType(ol.newJobTypeJobFacet("BATCH", "PL_IMPACT", "JOB", null))
                                .build())
                        .build())
                .inputs(in)
                .outputs(out)
                .build();
    }

    private OpenLineage.SchemaDatasetFacet schema(MartSchema schema) {
        List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
        if (schema.partitioned()) {
            fields.add(ol.newSchemaDatasetFacetFieldsBuilder()
                    .name(schema.partitionedBy())
                    .type("string")
                    .description("Hive partition column")
                    .build());
        }
        for (MartColumn c : schema.columns()) {
            fields.add(ol.newSchemaDatasetFacetFieldsBuilder()
                    .name(c.name())
                    .type(c.type().jsonName())
                    .description(c.description())
                    .build());
        }
        return ol.newSchemaDatasetFacet(fields);
    }

    /** A run facet that names its own schema rather than the generic RunFacet of the core spec. */
    private static final class PlImpactRunFacet extends OpenLineage.DefaultRunFacet {

        PlImpactRunFacet() {
            super(PRODUCER);
        }

        @Override
        public URI get_schemaURL() {
            return RUN_FACET_SCHEMA;
        }
    }

    private static String json(OpenLineage.RunEvent event) {
        return OpenLineageClientUtils.toJson(event);
    }
}
