package heard.query.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The themes one transaction's events gave each piece of feedback: merged in the order given, each once. */
final class ThemesBatch {
    final Map<String, List<String>> themes = new LinkedHashMap<>();

    void themed(String feedbackId, List<String> more) {
        merge(themes.computeIfAbsent(feedbackId, id -> new ArrayList<>()), more);
    }

    /** Adds to the themes those of the others not among them yet, in their order. */
    static void merge(List<String> themes, List<String> others) {
        others.stream().filter(theme -> !themes.contains(theme)).forEach(themes::add);
    }

    boolean isEmpty() {
        return themes.isEmpty();
    }
}
