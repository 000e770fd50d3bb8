package heard.query.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import heard.events.IndicatorTarget;
import jakarta.persistence.Converter;
import java.util.List;

@Converter
public class IndicatorTargetListConverter extends JsonColumn<List<IndicatorTarget>> {
    public IndicatorTargetListConverter() {
        super(new TypeReference<>() {
        }, List.of());
    }
}
