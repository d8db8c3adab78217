package org.sea.pli.extract;

/**
 * The load-report verdict on one inbox file (docs/spec.md §1.1, §5.7).
 *
 * @param result what reading it found; null for an ignored file, which is only hashed
 * @param reason the file-level reason (§1 or §3.2), or null
 */
public record FileOutcome(
        InboxFile file, String sha256, long bytes, FileResult result, FileStatus status, FileReason reason) {}
