package dev.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.Page;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging a short list read whole, as the lists of one contract or one contract line are. */
class PageRequestTest {

    private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

    @Test
    void aSliceIsThePageAndTheTotalIsTheWholeList() {
        Page<Integer> page = new PageRequest(1, 3).slice(SEVEN);

        assertThat(page.items()).containsExactly(3, 4, 5);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(3);
    }

    @Test
    void theLastPageIsShortAndAPagePastTheEndIsEmpty() {
        assertThat(new PageRequest(2, 3).slice(SEVEN).items()).containsExactly(6);
        assertThat(new PageRequest(5, 3).slice(SEVEN).items()).isEmpty();
        assertThat(new PageRequest(5, 3).slice(SEVEN).total()).isEqualTo(7);
    }

    @Test
    void aPageThatIsNotAPageIsRefused() {
        assertThatThrownBy(() -> new PageRequest(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(0, Page.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
