package heard.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as rows of {@code figure,value}, flattened from the very figures the JSON shows
 * (suppression already applied), so the two can never disagree. Items of a list are named by
 * their group, channel, theme or indicator; a suppressed figure's value is {@code suppressed}.
 */
final class DashboardCsv {
    private static final List<String> NAMES = List.of("group", "channel", "theme", "indicatorId");

    private DashboardCsv() {
    }

    static String of(JsonNode dashboard) {
        StringBuilder csv = new StringBuilder("figure,value\r\n");
        flatten("", dashboard, csv);
        return csv.toString();
    }

    private static void flatten(String path, JsonNode node, StringBuilder csv) {
        if (node.isObject() && node.size() == 1 && node.path("suppressed").asBoolean(false)) {
            row(csv, path, "suppressed");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), csv);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + name(node.get(i), i) + "]", node.get(i), csv);
            }
        } else {
            row(csv, path, node.isNull() ? "" : node.asText());
        }
    }

    private static String name(JsonNode item, int index) {
        for (String name : NAMES) {
            if (item.hasNonNull(name)) {
                return item.get(name).asText();
            }
        }
        return Integer.toString(index);
    }

    private static void row(StringBuilder csv, String figure, String value) {
        csv.append(cell(figure)).append(',').append(cell(value)).append("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is defused so spreadsheets show it as text. */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.E]+")
                ? "'" + value : value;
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
