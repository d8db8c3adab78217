package org.sea.pli.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Writes small hand-made inboxes (docs/spec.md §1) for tests; public so the end-to-end tests of other packages reuse it. */
public final class InboxFixture {

    public static final String ACTIVITIES_HEADER =
            "activity_id,school_year,title,cohort_id,pl_model,focus,tool_specific,"
                    + "framework,start_date,end_date,planned_hours";

    public final Path root;

    public InboxFixture(Path root) throws IOException {
        this.root = root;
        write("_state/leas.csv", "lea_id,lea_name,region\nlea-1,First LEA,north\nlea-2,Second LEA,south\n");
        write(
                "_state/rubric.csv",
                "dimension,description\nengagement,Students engaged\ntech_use,Technology used well\n");
    }

    public InboxFixture write(String relative, String content) throws IOException {
        return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public InboxFixture bytes(String relative, byte[] content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return this;
    }

    public InboxFixture gzip(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Two activities of 2025-26 for an LEA: a-1 (coaching) and a-2 (workshop). */
    public InboxFixture activities(String lea, String date) throws IOException {
        return write(
                lea + "/pl_activities_" + date + ".csv",
                ACTIVITIES_HEADER + "\n"
                        + "a-1,2025-26,Coaching cycle,c-1,coaching,tech_integration,false,iste,2025-08-01,2026-05-31,40\n"
                        + "a-2,2025-26,Tool day,c-2,workshop,tool_training,true,none,2025-09-10,2025-09-10,6\n");
    }

    /** A store that keeps quarantine files in memory, by path. */
    static final class MemoryQuarantine implements QuarantineStore {
        final Map<String, java.io.ByteArrayOutputStream> files = new TreeMap<>();

        @Override
        public synchronized OutputStream create(String relativePath) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            files.put(relativePath, out);
            return out;
        }

        @Override
        public synchronized void delete(String relativePath) {
            files.remove(relativePath);
        }

        String text(String path) {
            java.io.ByteArrayOutputStream out = files.get(path);
            return out == null ? null : out.toString(StandardCharsets.UTF_8);
        }
    }
}
