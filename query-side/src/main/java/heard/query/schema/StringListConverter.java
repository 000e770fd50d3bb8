package heard.query.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

@Converter
public class StringListConverter extends JsonColumn<List<String>> {
    public StringListConverter() {
        super(new TypeReference<>() {
        }, List.of());
    }
}
