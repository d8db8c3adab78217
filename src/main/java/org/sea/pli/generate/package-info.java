/**
 * {@code generate} (spec §7): a deterministic synthetic inbox per seed and scale, with planted effects
 * and a sprinkle of every kind of bad row and bad file (spec §1–§3). {@code InboxGenerator} lays out
 * the LEAs, files and defects; {@code Rows} dispatches each extract to the class that writes its
 * rows ({@code FundingRows}, {@code ParticipationRows}, {@code ArtifactRows}, {@code OutcomeRows};
 * who attended which session is {@code AttendanceDraws}, shared by participation and artifacts).
 *
 * <p>Depends on no other pl-impact package: it writes the inbox from its own knowledge of the file
 * formats, so it checks the validator rather than sharing its code. Only {@code cli} uses it.
 */
package org.sea.pli.generate;
