package heard.query.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One value of an indicator; its id is the event's place in the indicator's stream. */
@Entity
@Table(name = "indicator_measurement")
public class Measurement {
    @Id
    private String measurementId;
    private String indicatorId;
    private String initiativeId;
    @Column(name = "measured_value")
    private double value;
    private Instant measuredAt;
    private String stakeholderGroup;
    private long sequence;
    private Instant recordedAt;
    private String recordedBy;

    protected Measurement() {
    }

    Measurement(String indicatorId, String initiativeId, long sequence, double value, Instant measuredAt,
            String stakeholderGroup, Instant recordedAt, String recordedBy) {
        this.measurementId = indicatorId + ":" + sequence;
        this.indicatorId = indicatorId;
        this.initiativeId = initiativeId;
        this.sequence = sequence;
        this.value = value;
        this.measuredAt = measuredAt;
        this.stakeholderGroup = stakeholderGroup;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public String indicatorId() {
        return indicatorId;
    }

    public double value() {
        return value;
    }

    public Instant measuredAt() {
        return measuredAt;
    }

    public String stakeholderGroup() {
        return stakeholderGroup;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
