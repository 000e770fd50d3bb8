package heard.query.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import heard.events.EventJson;
import jakarta.persistence.AttributeConverter;

/** A small value kept as JSON text in one column of a read model. */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final TypeReference<T> type;
    private final T empty;

    JsonColumn(TypeReference<T> type, T empty) {
        this.type = type;
        this.empty = empty;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return JSON.writeValueAsString(value == null ? empty : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        try {
            return json == null ? empty : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
