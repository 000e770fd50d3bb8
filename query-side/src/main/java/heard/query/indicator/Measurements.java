package heard.query.indicator;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Measurements extends JpaRepository<Measurement, String> {
    List<Measurement> findByIndicatorIdInOrderByMeasuredAtAscSequenceAsc(Collection<String> indicatorIds);
}
