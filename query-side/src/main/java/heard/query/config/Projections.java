package heard.query.config;

import java.util.Collections;
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
 * not send them again. The names are looked up once: the beans are fixed when the app starts, and a search of the
 * context by annotation was most of the projections' status page's work.
 */
@Component
public class Projections {
    public static final String FOLLOW_UP = "follow-up";
    private final ApplicationContext context;
    private volatile Set<String> names;

    Projections(ApplicationContext context) {
        this.context = context;
    }

    public Set<String> names() {
        Set<String> found = names;
        if (found == null) {
            found = Collections.unmodifiableSet(find());
            names = found;
        }
        return found;
    }

    private Set<String> find() {
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
