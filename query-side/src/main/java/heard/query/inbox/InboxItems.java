package heard.query.inbox;

import heard.events.FeedbackStatus;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InboxItems extends JpaRepository<InboxItem, String> {
    @Query("""
            select i from InboxItem i
            where i.initiativeId = :initiativeId
              and (:status is null or i.status = :status)
              and (:group is null or i.stakeholderGroup = :group)
              and (:overdue is null
                   or (:overdue = true and i.acknowledgedAt is null and i.loopClosedAt is null and i.acknowledgeBy < :now)
                   or (:overdue = false
                       and (i.acknowledgedAt is not null or i.loopClosedAt is not null or i.acknowledgeBy >= :now)))
            order by i.submittedAt asc, i.feedbackId asc
            """)
    Page<InboxItem> find(String initiativeId, FeedbackStatus status, String group, Boolean overdue, Instant now,
            Pageable page);
}
