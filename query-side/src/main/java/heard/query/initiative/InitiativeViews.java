package heard.query.initiative;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InitiativeViews extends JpaRepository<InitiativeView, String> {
    List<InitiativeView> findAllByOrderByLaunchedAtDesc();
}
