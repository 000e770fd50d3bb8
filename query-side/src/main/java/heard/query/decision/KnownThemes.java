package heard.query.decision;

import org.springframework.data.jpa.repository.JpaRepository;

/** The themes of each piece of feedback, as the decisions' projection has seen them. */
public interface KnownThemes extends JpaRepository<FeedbackThemes, String> {
}
