package heard.query.schema;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row whose id comes from an event, so Spring Data cannot tell a new one from its id. Saying so
 * lets {@code save} insert it at once; otherwise every save first selects the row to merge into,
 * about a sixth of what the feed and the inbox spent on a submission. Whoever makes one has looked
 * for it first, so that a redelivered event does not make it twice.
 */
@MappedSuperclass
public abstract class NewRow implements Persistable<String> {
    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
