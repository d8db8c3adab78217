package org.sea.pli.ops;

import java.util.List;

/**
 * The phases of a run as the summary's phase table names them, in run order: the start-up before
 * the job, the job repository's share, each stage, and the restore a restart may need.
 */
public enum RunPhase {
    JVM_START("JVM start"),
    SPRING_START("Spring start"),
    JOB_REPOSITORY("job repository"),
    INBOX_LISTING("inbox listing"),
    LOAD("load"),
    MARTS("marts"),
    DISCLOSURE_CHECK("disclosure check"),
    CHANGES("changes"),
    REPORT("report"),
    MANIFEST("manifest"),
    PUBLISH("publish"),
    /** Only restarts have it: a load finished by an earlier attempt, restored from its checkpoints. */
    CHECKPOINT_RESTORE("load restored from checkpoints");

    private final String label;

    RunPhase(String label) {
        this.label = label;
    }

    /** The name the phase table shows. */
    public String label() {
        return label;
    }

    /** The stage phases, in the order the job runs them. */
    public static final List<RunPhase> STAGES =
            List.of(INBOX_LISTING, LOAD, MARTS, DISCLOSURE_CHECK, CHANGES, REPORT, MANIFEST, PUBLISH);
}
