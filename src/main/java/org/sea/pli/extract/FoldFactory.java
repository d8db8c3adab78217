package org.sea.pli.extract;

/** Opens the {@link ExtractFold} for one file of one LEA. */
@FunctionalInterface
public interface FoldFactory {

    ExtractFold open(String leaId, ExtractSchema schema);
}
