package heard.query.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * The processing groups of the query side's projections. In the standalone app the write side's
 * processes share the configuration; they send commands, so they are never replayed or dead-lettered here.
 * Nor is the query side's {@value #FOLLOW_UP} process: it sends messages to participants, and a rebuild must
 * not send them again.
 */
@Component
public class Projections {
    public static final String FOLLOW_UP = "follow-up";
    private final ApplicationContext context;

    Projections(ApplicationContext context) {
        this.context = context;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, Object> bean : context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
            Class<?> type = AopUtils.getTargetClass(bean.getValue());
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && type.getPackageName().startsWith("heard.query.") && !FOLLOW_UP.equals(group.value())) {
                names.add(group.value());
            }
        }
        return names;
    }
}
