package heard.query.decision;

import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.query.schema.FieldChangeListConverter;
import heard.query.schema.IndicatorTargetListConverter;
import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a decision, as the whole decision stood after it: what the proposal or revision
 * said, and the evidence linked by then. Its id is the decision's and the version's, so a
 * redelivered event writes the same row again.
 */
@Entity
@Table(name = "decision_version")
public class DecisionVersion {
    @Id
    private String versionId;
    private String decisionId;
    private String initiativeId;
    private int version;
    private long sequence;
    private String title;
    private String hypothesis;
    private String expectedOutcome;
    @Enumerated(EnumType.STRING)
    private EngagementLevel engagementLevel;
    private LocalDate reviewBy;
    @Convert(converter = IndicatorTargetListConverter.class)
    private List<IndicatorTarget> indicators;
    @Convert(converter = StringListConverter.class)
    private List<String> evidence;
    @Convert(converter = StringListConverter.class)
    private List<String> affectedGroups;
    private String rationale;
    @Convert(converter = FieldChangeListConverter.class)
    private List<FieldChange> changes;
    @Convert(converter = StringListConverter.class)
    private List<String> triggeredBy;
    private Instant at;
    private String author;

    protected DecisionVersion() {
    }

    DecisionVersion(String decisionId, String initiativeId, int version, long sequence, String title,
            String hypothesis, String expectedOutcome, EngagementLevel engagementLevel, LocalDate reviewBy,
            List<IndicatorTarget> indicators, List<String> evidence, List<String> affectedGroups, String rationale,
            List<FieldChange> changes, List<String> triggeredBy, Instant at, String author) {
        this.versionId = idOf(decisionId, version);
        this.decisionId = decisionId;
        this.initiativeId = initiativeId;
        this.version = version;
        this.sequence = sequence;
        this.title = title;
        this.hypothesis = hypothesis;
        this.expectedOutcome = expectedOutcome;
        this.engagementLevel = engagementLevel;
        this.reviewBy = reviewBy;
        this.indicators = indicators == null ? List.of() : List.copyOf(indicators);
        this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
        this.affectedGroups = affectedGroups == null ? List.of() : List.copyOf(affectedGroups);
        this.rationale = rationale;
        this.changes = changes == null ? List.of() : List.copyOf(changes);
        this.triggeredBy = triggeredBy == null ? List.of() : List.copyOf(triggeredBy);
        this.at = at;
        this.author = author;
    }

    static String idOf(String decisionId, int version) {
        return decisionId + ":" + version;
    }

    public String decisionId() {
        return decisionId;
    }

    public String initiativeId() {
        return initiativeId;
    }

    public int version() {
        return version;
    }

    public long sequence() {
        return sequence;
    }

    public String title() {
        return title;
    }

    public String hypothesis() {
        return hypothesis;
    }

    public String expectedOutcome() {
        return expectedOutcome;
    }

    public EngagementLevel engagementLevel() {
        return engagementLevel;
    }

    public LocalDate reviewBy() {
        return reviewBy;
    }

    public List<IndicatorTarget> indicators() {
        return indicators;
    }

    public List<String> evidence() {
        return evidence;
    }

    public List<String> affectedGroups() {
        return affectedGroups;
    }

    public String rationale() {
        return rationale;
    }

    public List<FieldChange> changes() {
        return changes;
    }

    public List<String> triggeredBy() {
        return triggeredBy;
    }

    public Instant at() {
        return at;
    }

    public String author() {
        return author;
    }
}
