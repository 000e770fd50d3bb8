package heard.wiring;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * New identifiers that sort by the time they were made (UUID version 7): each new feedback's rows, its
 * events and their index entries land beside the last ones made, instead of on a random page of every
 * index. H2 writes every page a commit changed to its file before it answers, so a random key cost a
 * page per index per row. Axon takes this for events' identifiers (META-INF/services); the command side
 * for the ids of what it creates.
 */
public final class TimeOrderedIds extends IdentifierFactory {
    private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    public static String next() {
        return GENERATOR.generate().toString();
    }

    @Override
    public String generateIdentifier() {
        return next();
    }
}
