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
 * The processing groups of the query side's projections. In the standalone app the same
 * configuration also holds the write side's processes, which are not projections.
 */
@Component
public class Projections {
    private final ApplicationContext context;

    Projections(ApplicationContext context) {
        this.context = context;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, Object> bean : context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
            Class<?> type = AopUtils.getTargetClass(bean.getValue());
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && type.getPackageName().startsWith("heard.query.")) {
                names.add(group.value());
            }
        }
        return names;
    }
}
