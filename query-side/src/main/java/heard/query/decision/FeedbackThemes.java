package heard.query.decision;

import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The themes of a piece of feedback, all a decision's public history shows of it besides its id
 * (never its words or its author's contact). Read through JPA; written by {@link ThemeWrites}.
 */
@Entity
@Table(name = "decision_feedback_theme")
public class FeedbackThemes {
    @Id
    private String feedbackId;
    @Convert(converter = StringListConverter.class)
    private List<String> themes = new ArrayList<>();

    protected FeedbackThemes() {
    }

    public String feedbackId() {
        return feedbackId;
    }

    public List<String> themes() {
        return themes;
    }
}
