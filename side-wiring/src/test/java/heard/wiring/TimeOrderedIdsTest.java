package heard.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsMadeLaterSortAfterEarlierOnesAsText() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(TimeOrderedIds.next());
            Thread.sleep(2);
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsAreUuidsOfVersionSeven() {
        UUID id = UUID.fromString(TimeOrderedIds.next());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.toString()).hasSize(36);
    }

    @Test
    void axonMakesEventIdentifiersWithThem() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(7);
    }
}
