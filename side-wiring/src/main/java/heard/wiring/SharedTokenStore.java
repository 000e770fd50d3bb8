package heard.wiring;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token store instances share. Instances of one side that start together on a fresh database each find a
 * processor without tokens and each write its first ones; the one whose rows meet the others' fails on their
 * keys. Written in the start-up's own transaction, that failure spoiled it and the instance did not start.
 * Written in a transaction of their own, the loser is told the tokens exist, and its processor goes on to
 * claim a share of them.
 */
final class SharedTokenStore extends JdbcTokenStore {
    private final TransactionTemplate apart;

    SharedTokenStore(JdbcTokenStore.Builder builder, PlatformTransactionManager transactions) {
        super(builder);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        try {
            apart.executeWithoutResult(tx -> super.initializeTokenSegments(processorName, segmentCount, initialToken));
        } catch (UnableToClaimTokenException e) {
            throw e;
        } catch (RuntimeException e) {
            int[] written = apart.execute(tx -> fetchSegments(processorName));
            if (written == null || written.length == 0) {
                throw e;
            }
            throw new UnableToClaimTokenException("Another instance wrote the first tokens of " + processorName);
        }
    }
}
