package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.testing.CommandRun;

/**
 * {@code changes.json} and its lines: a first run on the sample inbox without lea-0003's 2025-26
 * funding file, then a second run after that one file arrives. The second run must name exactly that
 * file, that LEA and the rows keyed by it, nothing of any other LEA, and stay reproducible by
 * {@code verify} (it compares with the recorded previous run again).
 */
class ChangesSinceLastRunTest {

    private static final String LEA = "lea-0003";
    private static final String NEW_FILE = "pl_funding_2026-06-30.csv";

    @TempDir
    static Path tmp;

    static Cli cli;
    static Path inbox;
    static Path warehouse;
    static CommandRun first;
    static CommandRun second;
    static JsonNode firstChanges;
    static JsonNode changes;

    @BeforeAll
    static void twoNights() throws IOException {
        cli = new Cli(tmp.resolve("jobs"));
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        AuditTest.copyTree(Path.of("sample-data"), inbox);
        Path held = tmp.resolve(NEW_FILE);
        Files.move(inbox.resolve(LEA).resolve(NEW_FILE), held);
        first = run();
        Files.move(held, inbox.resolve(LEA).resolve(NEW_FILE)); // the LEA sends it the next day
        second = run();
        ObjectMapper json = new ObjectMapper();
        firstChanges = json.readTree(
                warehouse.resolve("runs/2026-06-30_1/changes.json").toFile());
        changes = json.readTree(
                warehouse.resolve("runs/2026-06-30_2/changes.json").toFile());
    }

    private static CommandRun run() {
        return cli.execute(
                "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--as-of", "2026-06-30");
    }

    @Test
    void theFirstRunSaysThereIsNothingToCompareWith() throws IOException {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(firstChanges.get("previous_run_id").isNull()).isTrue();
        assertThat(firstChanges.get("marts")).isEmpty();
        assertThat(first.out()).contains("changes    first published run: nothing to compare with");
        assertThat(Files.readString(warehouse.resolve("runs/2026-06-30_1/report/index.html")))
                .contains("<p class=\"changes\">First published run: nothing to compare with.</p>");
    }

    @Test
    void theSecondRunListsExactlyTheNewFileAndItsLea() throws Exception {
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(changes.get("previous_run_id").asText()).isEqualTo("2026-06-30_1");
        JsonNode in = changes.get("inputs");
        assertThat(in.get("added")).hasSize(1);
        JsonNode added = in.get("added").get(0);
        assertThat(added.get("lea_id").asText()).isEqualTo(LEA);
        assertThat(added.get("file").asText()).isEqualTo(NEW_FILE);
        assertThat(added.get("sha256").asText())
                .isEqualTo(sha256(inbox.resolve(LEA).resolve(NEW_FILE)));
        assertThat(in.get("changed")).isEmpty();
        assertThat(in.get("removed")).isEmpty();
        // the new file holds 2024-25 and 2025-26 rows: in force for both, it supersedes the LEA's
        // older funding file (2024-25 rows only) — the only other status that moves (spec §1.1)
        JsonNode statuses = in.get("status_changed");
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0).toString())
                .isEqualTo("{\"lea_id\":\"lea-0003\",\"file\":\"pl_funding_2025-06-30.csv\","
                        + "\"before\":\"in_force\",\"after\":\"superseded\"}");
        assertThat(statuses.get(1).toString())
                .isEqualTo("{\"lea_id\":\"lea-0003\",\"file\":\"" + NEW_FILE + "\","
                        + "\"before\":null,\"after\":\"in_force\"}");
    }

    @Test
    void everyChangedRowKeyedByAnLeaIsOfThatLea() {
        List<String> leas = new ArrayList<>();
        for (JsonNode mart : changes.get("marts")) {
            for (String list : List.of("added_keys", "removed_keys")) {
                mart.path(list).forEach(k -> leas.add(k.path("lea_id").asText("(none)")));
            }
            mart.path("changed_rows")
                    .forEach(r -> leas.add(r.get("key").path("lea_id").asText("(none)")));
        }
        // marts keyed without an LEA (statewide aggregates) count as "(none)"; no other LEA may appear
        assertThat(Set.copyOf(leas)).isSubsetOf(LEA, "(none)").contains(LEA);
    }

    @Test
    void theRowsTheFileChangedAreNamedByKey() {
        JsonNode loadReport = mart("load_report");
        // one more file in the load report: its row, and the superseded file's status
        assertThat(loadReport.get("rows_after").asLong())
                .isEqualTo(loadReport.get("rows_before").asLong() + 1);
        assertThat(loadReport.get("added_keys")).hasSize(1);
        assertThat(loadReport.get("added_keys").get(0).get("file").asText()).isEqualTo(NEW_FILE);
        assertThat(loadReport.get("changed_rows")).hasSize(1);
        assertThat(loadReport.get("changed_rows").get(0).toString())
                .isEqualTo("{\"key\":{\"lea_id\":\"lea-0003\",\"extract\":\"pl_funding\","
                        + "\"file\":\"pl_funding_2025-06-30.csv\"},\"columns\":[\"status\"]}");
        // lea-0003's funding: 2025-26 was missing and is now in force (status moves); 2024-25 stays
        // in force, from the new file (in_force_file moves, status does not)
        JsonNode submission = mart("submission_status");
        assertThat(submission.get("added_keys")).isEmpty();
        JsonNode changed = submission.get("changed_rows");
        assertThat(changed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode key = changed.get(i).get("key");
            assertThat(key.get("school_year").asText()).isEqualTo(i == 0 ? "2024-25" : "2025-26");
            assertThat(key.get("lea_id").asText()).isEqualTo(LEA);
            assertThat(key.get("extract").asText()).isEqualTo("pl_funding");
            assertThat(changed.get(i).get("columns").toString()).contains("\"in_force_file\"");
        }
        assertThat(changed.get(0).get("columns").toString()).doesNotContain("\"status\"");
        assertThat(changed.get(1).get("columns").toString()).contains("\"status\"");
        // the funding reaches the LEA's cohorts: their cost changed
        JsonNode cohorts = mart("cohort_impact");
        assertThat(cohorts.get("changed_rows")).isNotEmpty();
        cohorts.get("changed_rows")
                .forEach(r -> assertThat(r.get("columns").toString()).contains("cost_usd"));
        // the restricted mart: counts only, never a key
        JsonNode restricted = mart("educator_activity");
        assertThat(restricted.get("restricted").asBoolean()).isTrue();
        assertThat(restricted.has("added_keys")).isFalse();
        assertThat(restricted.has("changed_rows")).isFalse();
    }

    @Test
    void theSummaryStatePageAndLeaPagesSayIt() throws IOException {
        assertThat(second.out()).contains("changes    since run 2026-06-30_1: 1 LEA sent 1 file");
        Path report = warehouse.resolve("runs/2026-06-30_2/report");
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("<p class=\"changes\">Since run 2026-06-30_1: 1 LEA sent 1 file");
        assertThat(Files.readString(report.resolve("lea/" + LEA + ".html")))
                .contains("Since run 2026-06-30_1: you sent 1 file (" + NEW_FILE + ")");
        assertThat(Files.readString(report.resolve("lea/lea-0001.html")))
                .contains("<p class=\"changes\">Since run 2026-06-30_1: nothing changed for lea-0001.</p>");
    }

    @Test
    void theManifestListsChangesJsonAndVerifyReproducesIt() throws IOException {
        RunManifest manifest =
                RunManifest.parse(Files.readAllBytes(warehouse.resolve("runs/2026-06-30_2/manifest.json")));
        assertThat(manifest.outputs()).anyMatch(o -> o.path().equals("changes.json"));
        CommandRun verify = cli.execute(
                "verify", "--warehouse", warehouse.toString(), "--run", "2026-06-30_2", "--inbox", inbox.toString());
        assertThat(verify.out()).as(verify.err()).contains("verified: run 2026-06-30_2");
        assertThat(verify.code()).isZero();
    }

    private static JsonNode mart(String name) {
        for (JsonNode m : changes.get("marts")) {
            if (m.get("mart").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no mart " + name + " in changes.json");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
