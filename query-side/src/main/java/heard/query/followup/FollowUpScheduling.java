package heard.query.followup;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The follow-up sender runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FollowUpScheduling {
}
