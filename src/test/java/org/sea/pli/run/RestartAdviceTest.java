package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.extract.InboxException;
import org.sea.pli.stage.StageFailure;

/** A restart is advised only where starting again can help (docs/spec.md §7). */
class RestartAdviceTest {

    @Test
    void aFailedWriteOrAnUnreachableRepositoryMayPass() {
        assertThat(RestartAdvice.helps(List.of(new UncheckedIOException(new IOException("No space left on device")))))
                .isTrue();
        assertThat(RestartAdvice.helps(List.of(new IllegalStateException("wrapped", new IOException("reset")))))
                .isTrue();
    }

    @Test
    void whatFailsEveryRestartTheSameWayIsNeverSentRoundAgain() {
        // a bad partition name, a bug: the same inputs fail the same way
        assertThat(RestartAdvice.helps(List.of(new IllegalStateException("partition '٢٠٢٤-٢٥' is not a school year"))))
                .isFalse();
        assertThat(RestartAdvice.helps(List.of(new StageFailure("file_changed: lea-0001/attendance.csv"))))
                .isFalse();
        assertThat(RestartAdvice.helps(List.of(new RuntimeException(new InboxException("bad _state/leas.csv")))))
                .isFalse();
        assertThat(RestartAdvice.helps(List.of())).isFalse();
    }
}
