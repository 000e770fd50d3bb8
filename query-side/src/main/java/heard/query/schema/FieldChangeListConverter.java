package heard.query.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import heard.events.FieldChange;
import jakarta.persistence.Converter;
import java.util.List;

@Converter
public class FieldChangeListConverter extends JsonColumn<List<FieldChange>> {
    public FieldChangeListConverter() {
        super(new TypeReference<>() {
        }, List.of());
    }
}
