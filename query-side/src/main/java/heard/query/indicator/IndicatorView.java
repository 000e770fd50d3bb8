package heard.query.indicator;

import heard.events.Direction;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shared measurement of an initiative: what it watches, in which unit, and which way is better. */
@Entity
@Table(name = "indicator_view")
public class IndicatorView {
    @Id
    private String indicatorId;
    private String initiativeId;
    private String name;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private Instant definedAt;
    private String definedBy;

    protected IndicatorView() {
    }

    IndicatorView(String indicatorId, String initiativeId, String name, String unit, Direction direction,
            Instant definedAt, String definedBy) {
        this.indicatorId = indicatorId;
        this.initiativeId = initiativeId;
        this.name = name;
        this.unit = unit;
        this.direction = direction;
        this.definedAt = definedAt;
        this.definedBy = definedBy;
    }

    public String indicatorId() {
        return indicatorId;
    }

    public String initiativeId() {
        return initiativeId;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    public Instant definedAt() {
        return definedAt;
    }

    public String definedBy() {
        return definedBy;
    }
}
