package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in README.md and docs/*.md leads somewhere: the file or folder exists, and an
 * anchor names a heading of the page it points at, as GitHub makes them. Links in code are not links;
 * links to other sites are not followed (the build has no network).
 */
class DocLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern CODE = Pattern.compile("`[^`\n]*`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)"
            + "|<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            List<String> found = brokenLinks(page);
            links += linksOf(Files.readString(page)).size();
            broken.addAll(found);
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
        assertThat(links).as("links checked").isGreaterThan(20);
    }

    @Test
    void aMissingFileOrHeadingIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other page\n\n## The loop, with curl\n\n```\n# not a heading\n```\n");
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # A page's title
                [fine](other.md#the-loop-with-curl) [self](#a-pages-title) [site](https://example.org/x)
                [gone](missing.md) [no heading](other.md#not-a-heading) [nor here](#nowhere)
                `[in code](nowhere.md)` <img src="gone.png" alt="">
                """);

        assertThat(brokenLinks(page)).containsExactly("page.md: missing.md", "page.md: other.md#not-a-heading",
                "page.md: #nowhere", "page.md: gone.png");
    }

    static List<String> brokenLinks(Path page) {
        List<String> broken = new ArrayList<>();
        try {
            for (String link : linksOf(Files.readString(page))) {
                if (link.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                boolean resolves = Files.exists(target)
                        && (hash < 0 || anchors(Files.readString(target)).contains(link.substring(hash + 1)));
                if (!resolves) {
                    broken.add(page.getFileName() + ": " + link);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broken;
    }

    private static List<String> linksOf(String markdown) {
        String text = CODE.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return links;
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, a repeated one numbered. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1).replaceAll("`", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            int times = seen.merge(slug, 1, Integer::sum);
            anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
        }
        return anchors;
    }
}
