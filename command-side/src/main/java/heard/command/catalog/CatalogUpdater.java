package heard.command.catalog;

import heard.events.DecisionProposed;
import heard.events.FeedbackSubmitted;
import heard.events.IndicatorDefined;
import heard.events.InitiativeLaunched;
import heard.events.StakeholderGroup;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Subscribing (same transaction as the command), so a rule checked right after a write sees it. */
@Component
@ProcessingGroup(CatalogUpdater.GROUP)
class CatalogUpdater {
    static final String GROUP = "catalog";
    private final JdbcCatalog catalog;

    CatalogUpdater(JdbcCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(InitiativeLaunched e) {
        catalog.addInitiative(e.initiativeId(),
                e.stakeholderGroups().stream().map(StakeholderGroup::code).collect(Collectors.toSet()),
                e.acknowledgeWithinHours());
    }

    @EventHandler
    void on(FeedbackSubmitted e) {
        catalog.addFeedback(e.feedbackId(), e.initiativeId(), e.receiptTokenHash());
    }

    @EventHandler
    void on(IndicatorDefined e) {
        catalog.add("indicator", e.indicatorId(), e.initiativeId());
    }

    @EventHandler
    void on(DecisionProposed e) {
        catalog.add("decision", e.decisionId(), e.initiativeId());
    }
}
