package heard.query.initiative;

import heard.events.StakeholderGroup;
import heard.query.schema.GroupListConverter;
import heard.query.schema.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Formula;

/** An initiative's summary, written by {@link InitiativeRows}; read here. */
@Entity
@Table(name = "initiative_view")
public class InitiativeView {
    @Id
    private String initiativeId;
    private String title;
    private String guidingQuestion;
    @Convert(converter = GroupListConverter.class)
    @Column(name = "stakeholder_groups")
    private List<StakeholderGroup> stakeholderGroups;
    @Convert(converter = StringListConverter.class)
    private List<String> languages;
    private int acknowledgeWithinHours;
    private Instant launchedAt;
    /**
     * The dashboard's count of the initiative's submissions, read with the row: counting them here too made the
     * summaries apply every feedback event, and keep a mark for each feedback, for one figure the dashboard has.
     */
    @Formula("coalesce((select c.amount from dashboard_count c where c.initiative_id = initiative_id"
            + " and c.dimension = 'loop' and c.item = 'submitted'), 0)")
    private long feedbackCount;
    private long learningCount;
    private String launchedBy;

    protected InitiativeView() {
    }

    public String initiativeId() {
        return initiativeId;
    }

    public String title() {
        return title;
    }

    public String guidingQuestion() {
        return guidingQuestion;
    }

    public List<StakeholderGroup> stakeholderGroups() {
        return stakeholderGroups;
    }

    public List<String> languages() {
        return languages;
    }

    public int acknowledgeWithinHours() {
        return acknowledgeWithinHours;
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public String launchedBy() {
        return launchedBy;
    }

    public long feedbackCount() {
        return feedbackCount;
    }

    public long learningCount() {
        return learningCount;
    }
}
