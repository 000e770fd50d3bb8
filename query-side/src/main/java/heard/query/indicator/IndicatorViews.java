package heard.query.indicator;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorViews extends JpaRepository<IndicatorView, String> {
    List<IndicatorView> findByInitiativeIdOrderByDefinedAtAscIndicatorIdAsc(String initiativeId);
}
