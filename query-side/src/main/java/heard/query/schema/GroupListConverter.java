package heard.query.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import heard.events.StakeholderGroup;
import jakarta.persistence.Converter;
import java.util.List;

@Converter
public class GroupListConverter extends JsonColumn<List<StakeholderGroup>> {
    public GroupListConverter() {
        super(new TypeReference<>() {
        }, List.of());
    }
}
