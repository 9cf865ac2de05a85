package dev.stonks.inttest.stonks.dataset;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Generates a document's title and normalized text from its facts and a generator seeded by its id. Pure: the
 * same input always gives the same characters, so the dataset can hold only sha256 and word count and
 * regenerate the text on demand.
 *
 * <p>Normalized text: the title, a blank line, paragraphs separated by one blank line, single spaces, no
 * trailing spaces, LF line ends, a final LF, ASCII only.
 */
final class TextGenerator {

    record Generated(String title, String text) {
    }

    /** What a document is about; {@code tone} in [-1, 1] skews the sentences positive or negative. */
    record Spec(UUID id, CompanySpec company, SourceKind kind, int index, LocalDate date, double tone) {
    }

    /** Spelled out here: month names from a DateTimeFormatter depend on the JDK's locale data. */
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");

    private static final List<String> POSITIVE = List.of(
            "{company} reported stronger than expected demand for {product}, with revenue up {pct} from a year earlier.",
            "Management raised its outlook after {product} orders accelerated through the {quarter}.",
            "Operating margin expanded to {margin} as pricing held firm and costs grew more slowly than sales.",
            "Analysts at several brokers lifted their price targets, citing momentum in {product} and {product2}.",
            "Free cash flow reached {amount}, giving {company} room to keep buying back shares.",
            "Channel checks point to healthy inventory levels and steady sell-through for {product}.",
            "The company said customer retention improved again, led by enterprise accounts.",
            "Executives described the demand environment as the best they have seen in several quarters.",
            "{company} gained share against {peer} in {product2}, according to third-party estimates.",
            "Gross margin guidance for the next quarter came in above the consensus estimate.");

    private static final List<String> NEGATIVE = List.of(
            "{company} warned that {product} demand softened late in the {quarter}, and revenue fell {pct}.",
            "Management trimmed its outlook, pointing to slower spending by large customers.",
            "Operating margin contracted to {margin} as price cuts and higher input costs weighed on results.",
            "Several analysts lowered their estimates after the company flagged weaker orders for {product}.",
            "Regulators opened an inquiry into the {product2} business, adding uncertainty to the outlook.",
            "Inventory rose faster than sales, which the company said would take two quarters to work through.",
            "{peer} took share in {product2} during the period, according to industry data.",
            "The company recorded a charge of {amount} tied to restructuring and asset write-downs.",
            "Executives declined to reaffirm the full-year target, citing limited visibility.",
            "Customer churn ticked up, particularly among smaller accounts sensitive to pricing.");

    private static final List<String> NEUTRAL = List.of(
            "{company} reiterated its plan to invest in {product} and {product2} over the coming year.",
            "Capital expenditure is expected to remain near {amount} as the build-out continues.",
            "The board kept the dividend unchanged and made no change to the buyback authorization.",
            "Results were broadly in line with expectations, with strength in {product} offset by {product2}.",
            "Management said pricing would be reviewed region by region rather than in one step.",
            "The {sector} group traded in a narrow range as investors waited for more data.",
            "Headcount was roughly flat, and the company said hiring would track demand.",
            "{company} expects currency movements to have a modest effect on reported growth.",
            "The filing lists competition from {peer} among the principal risks to the business.",
            "No change was made to the long-term margin framework presented last year.");

    private static final List<String> RSS_HEADLINES_UP = List.of(
            "{short} shares climb as {product} demand surprises",
            "{short} rallies after analysts lift targets",
            "{short} extends gains on strong {product} outlook");
    private static final List<String> RSS_HEADLINES_DOWN = List.of(
            "{short} shares slip as {product} orders cool",
            "{short} falls after guidance cut",
            "{short} under pressure as {peer} gains ground");
    private static final List<String> RSS_HEADLINES_FLAT = List.of(
            "{short} holds steady ahead of {product} update",
            "What to watch as {short} reports next week",
            "{short} investors weigh {product} spending plans");

    private TextGenerator() {
    }

    static Generated generate(Spec spec) {
        Prng prng = Prng.of(spec.id());
        String title = title(spec, prng);
        StringBuilder text = new StringBuilder(4096).append(title).append("\n\n");
        int target = prng.between(220, 420);
        int words = countWords(title);
        boolean firstParagraph = true;
        Set<String> used = new HashSet<>();
        while (words < target) {
            List<String> sentences = new ArrayList<>();
            if (firstParagraph) {
                sentences.add(fill(opening(spec), spec, prng));
                firstParagraph = false;
            }
            int count = prng.between(4, 7);
            for (int i = 0; i < count; i++) {
                sentences.add(fill(sentence(spec, prng, used), spec, prng));
            }
            String paragraph = String.join(" ", sentences);
            text.append(paragraph).append("\n\n");
            words += countWords(paragraph);
        }
        // one LF at the end, not a blank line
        text.setLength(text.length() - 1);
        return new Generated(title, text.toString());
    }

    static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static String title(Spec spec, Prng prng) {
        CompanySpec c = spec.company();
        LocalDate date = spec.date();
        String quarter = quarterLabel(date.minusMonths(1));
        return switch (spec.kind()) {
            case RSS -> fill(prng.pick(spec.tone() > 0.2 ? RSS_HEADLINES_UP
                    : spec.tone() < -0.2 ? RSS_HEADLINES_DOWN : RSS_HEADLINES_FLAT), spec, prng);
            case SEC_FILING -> c.shortName() + (spec.index() % 2 == 0
                    ? " Form 10-Q for the quarter ended " + longDate(quarterEnd(date.minusMonths(1)))
                    : " Form 8-K current report filed " + longDate(date));
            case NEWS_API -> fill(prng.pick(List.of(
                    "{short} and {peer}: the race in {product2}",
                    "Inside {short}'s plan for {product}",
                    "{short} bets on {product} as {sector} spending shifts")), spec, prng);
            case EARNINGS_CALL -> c.shortName() + " " + quarter + " earnings call transcript";
        };
    }

    private static String opening(Spec spec) {
        return switch (spec.kind()) {
            case RSS -> "{company} ({ticker}) was in focus on {date} as traders digested news about {product}.";
            case SEC_FILING -> "In its filing dated {date}, {company} ({ticker}) described results and risks for the "
                    + "period.";
            case NEWS_API -> "Coverage of {company} ({ticker}) on {date} centered on {product} and the competitive "
                    + "picture.";
            case EARNINGS_CALL -> "On the call held {date}, executives of {company} ({ticker}) walked through "
                    + "results for the {quarter}.";
        };
    }

    /** A template for the next sentence, never one the document already used while its pool has others. */
    private static String sentence(Spec spec, Prng prng, Set<String> used) {
        double roll = prng.between(-1.0, 1.0) + spec.tone();
        List<String> pool = roll > 0.35 ? POSITIVE : roll < -0.35 ? NEGATIVE : NEUTRAL;
        int start = prng.nextInt(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            String template = pool.get((start + i) % pool.size());
            if (used.add(template)) {
                return template;
            }
        }
        return pool.get(start);
    }

    private static String fill(String template, Spec spec, Prng prng) {
        CompanySpec c = spec.company();
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            int close = ch == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(ch);
                i++;
                continue;
            }
            String slot = template.substring(i + 1, close);
            out.append(switch (slot) {
                case "company" -> c.name();
                case "short" -> c.shortName();
                case "ticker" -> c.ticker();
                case "sector" -> c.sector();
                case "product" -> c.products().get(spec.index() % c.products().size());
                case "product2" -> c.products().get((spec.index() + 1 + prng.nextInt(c.products().size() - 1))
                        % c.products().size());
                case "peer" -> peer(c, prng);
                case "quarter" -> quarterLabel(spec.date().minusMonths(1));
                case "date" -> longDate(spec.date());
                case "pct" -> oneDecimal(prng.between(1.0, 24.0)) + "%";
                case "margin" -> oneDecimal(prng.between(12.0, 48.0)) + "%";
                case "amount" -> "$" + oneDecimal(prng.between(0.4, 19.0)) + " billion";
                default -> throw new IllegalStateException("unknown slot {" + slot + "} in: " + template);
            });
            i = close + 1;
        }
        return out.toString();
    }

    private static String peer(CompanySpec company, Prng prng) {
        List<String> peers = company.peers();
        String ticker = peers.get(prng.nextInt(peers.size()));
        return CompanySpec.ALL.stream().filter(c -> c.ticker().equals(ticker)).findFirst().orElseThrow().shortName();
    }

    private static String longDate(LocalDate date) {
        return MONTHS.get(date.getMonthValue() - 1) + " " + date.getDayOfMonth() + ", " + date.getYear();
    }

    /** {@code value} rounded half-up to one decimal, without locale-dependent formatting. */
    static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    static String quarterLabel(LocalDate date) {
        return "Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear();
    }

    private static LocalDate quarterEnd(LocalDate date) {
        int lastMonth = ((date.getMonthValue() - 1) / 3 + 1) * 3;
        return LocalDate.of(date.getYear(), lastMonth, 1).plusMonths(1).minusDays(1);
    }

    static LocalDate utcDate(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
