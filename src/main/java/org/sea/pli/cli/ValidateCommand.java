package org.sea.pli.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sea.pli.extract.DirectoryQuarantine;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxException;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.ops.ExitCode;
import org.sea.pli.run.RunSettings;
import org.sea.pli.stage.LeaValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate} (spec §7): what an LEA runs on its folder before it sends it. The load of one
 * LEA is the run's own load stage ({@link LeaValidation#scan}, {@link LeaValidation#validate}: the same
 * scan, reader and supersede rule, folding nothing); this class only checks the command line,
 * places the quarantine and maps the outcome to 0 or 4.
 */
@Command(
        name = "validate",
        customSynopsis = {
            "java -jar target/pl-impact.jar validate --inbox DIR --lea LEA_ID [--as-of YYYY-MM-DD]",
            "    [--quarantine DIR]"
        },
        description = {
            "Checks one LEA's folder <inbox>/<LEA_ID> before it is sent, with the same rules as run (SPEC §1-§3)"
                    + " and the state's _state/leas.csv and _state/rubric.csv in <inbox>/_state.",
            "Prints one row per file as the state's load report would show it (status, reason, rows read,"
                    + " accepted and rejected, reject reasons, unknown columns) and, per file, the first "
                    + ValidationReport.SHOWN + " rejected rows as 'line N: reason: the row'.",
            "Privacy: it prints no student or educator id, except inside the rejected rows it shows, which are"
                    + " the LEA's own rows.",
            "It writes no warehouse and needs no pseudonym key and no job repository; --pli.max-reject-rate=VALUE"
                    + " applies as for run.",
            "Exit codes: 0 no file would be rejected; 4 a file would be rejected; 2 usage error, such as an LEA"
                    + " that the registry does not list, an inbox without _state or a bad date."
        })
final class ValidateCommand extends Verb {

    @Option(
            names = "--inbox",
            paramLabel = "DIR",
            required = true,
            description = "An inbox holding _state/ and the LEA's folder (SPEC §1).")
    Path inbox;

    @Option(
            names = "--lea",
            paramLabel = "LEA_ID",
            required = true,
            description = "The LEA whose folder to check, as listed in _state/leas.csv.")
    String lea;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            converter = OptionTypes.IsoDate.class,
            description = "The as-of date of the run to expect (default: today); later files are ignored.")
    LocalDate asOf;

    @Option(
            names = "--quarantine",
            paramLabel = "DIR",
            description = "Write every rejected row to DIR/<LEA_ID>/<file name without .gz>, as a run's"
                    + " quarantine (SPEC §3.1). Must not be inside the inbox.")
    Path quarantine;

    ValidateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        Path root = existingInbox(inbox);
        String leaId = required("--lea", lea);
        // without --as-of: today where the operator is, as the nightly wrapper's `date +%F`
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.systemDefault());
        Inbox scanned;
        try {
            scanned = LeaValidation.scan(root, date, leaId);
        } catch (InboxException e) {
            throw usage(e.getMessage());
        }
        if (!scanned.state().leas().containsKey(leaId)) { // a run would report its files as unknown_lea
            List<String> listed = List.copyOf(scanned.state().leas().keySet());
            throw usage("LEA '" + leaId + "' is not in _state/leas.csv of " + root + " (it lists "
                    + String.join(", ", listed.subList(0, Math.min(5, listed.size())))
                    + (listed.size() > 5 ? ", ... " + listed.size() + " in all" : "") + ")");
        }
        Path target = quarantine == null ? null : outsideInbox(root, quarantine);
        RunSettings settings = SpringStart.settings(name(), invocation);
        if (settings == null) {
            return ExitCode.RUN_FAILED.code();
        }
        if (scanned.files().isEmpty()) {
            invocation
                    .out()
                    .println(
                            "no files found for LEA " + leaId + " in " + root.resolve(leaId) + ": nothing to validate");
            return ExitCode.OK.code();
        }
        Path dir = target != null ? target : Files.createTempDirectory("pl-impact-validate-");
        try {
            DirectoryQuarantine store = new DirectoryQuarantine(dir);
            for (InboxFile f : scanned.files()) {
                if (f.ignored() == null) {
                    Files.deleteIfExists(store.fileOf(f)); // an earlier validate's, for a file that may now pass
                }
            }
            List<FileOutcome> outcomes = LeaValidation.validate(scanned, date, settings.maxRejectRate(), store)
                    .outcomes();
            new ValidationReport(scanned.state(), date, settings.maxRejectRate(), store, target != null)
                    .print(outcomes, invocation.out());
            return outcomes.stream().anyMatch(o -> o.status() == FileStatus.REJECTED)
                    ? ExitCode.VALIDATE_REJECTED.code()
                    : ExitCode.OK.code();
        } finally {
            if (target == null) {
                deleteTree(dir);
            }
        }
    }

    /** Quarantine files inside the inbox could overwrite the LEA's own files: the inbox is the archive (§1). */
    private Path outsideInbox(Path root, Path dir) throws IOException {
        Path q = dir.toAbsolutePath().normalize();
        Path real = Files.exists(q) ? q.toRealPath() : q;
        if (q.startsWith(root) || real.startsWith(root.toRealPath())) {
            throw usage("--quarantine " + dir + " is inside the inbox " + root
                    + ": quarantine files must not sit beside the LEA's own files");
        }
        return q;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
