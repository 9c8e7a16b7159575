package dev.tandem.dualwrite.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link Filter} in the OData subset of {@code docs/dual-write.md} (dual-write §3.4), parsed by a small
 * recursive-descent parser.
 *
 * <p>Grammar (keywords are lower case and case-sensitive, as in OData; {@code Eq} is a field name, not an
 * operator):
 * <pre>
 * expression := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" expression ")" | comparison
 * comparison := operand ("eq" | "ne" | "gt" | "ge" | "lt" | "le") operand
 * operand    := field | 'text' | number | "true" | "false" | "null"
 * </pre>
 * A field is a name of letters, digits and {@code _} (starting with a letter or {@code _}); dots and slashes are
 * read as part of the name so that the loader can refuse a lookup path with a clear message (filters only see the
 * entity's own fields). Text literals double a quote to contain one: {@code 'O''Brien'}. Numbers are integers or
 * decimals, optionally negative ({@code -12.5}).
 *
 * <p>Comparison semantics ({@link #test}):
 * <ul>
 *   <li>{@code null eq null} is true, {@code null ne x} is true for any non-null x; ordering comparisons
 *       ({@code gt ge lt le}) with a null on either side are false;</li>
 *   <li>when either side is a number ({@link Number}, including number literals), both sides compare as
 *       {@link BigDecimal} if the other side is a number or the text of one ({@code 1.50 eq 1.5}; a column holding
 *       option value {@code 3} equals {@code '3'}); a non-numeric text is then simply not equal and not ordered;</li>
 *   <li>when either side is a {@link Boolean}, both compare as booleans (text {@code true}/{@code false} is
 *       accepted);</li>
 *   <li>everything else (text, UUIDs, dates, enums) compares by {@code toString()}, ordered lexically, which orders
 *       ISO-8601 dates correctly.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class ODataFilter implements Filter {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String text;
    private final Expr root;
    private final Set<String> fields;

    private ODataFilter(String text, Expr root, Set<String> fields) {
        this.text = text;
        this.root = root;
        this.fields = Collections.unmodifiableSet(fields);
    }

    /**
     * Parses a filter.
     *
     * @param text the filter as written in the map, e.g. {@code tdm_skipsync eq false and msdyn_amount gt 0}
     * @return the parsed filter
     * @throws IllegalArgumentException when the text is empty or does not parse; the message names the 1-based
     *                                  character position and what was expected there
     */
    public static ODataFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty filter");
        }
        Parser parser = new Parser(text);
        Expr root = parser.expression();
        parser.expectEnd();
        return new ODataFilter(text, root, parser.fields);
    }

    @Override
    public boolean test(Map<String, Object> row) {
        return root.test(row);
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- evaluation ----------------------------------------------------------------------------------------------

    private sealed interface Expr permits Or, And, Not, Comparison {
        boolean test(Map<String, Object> row);
    }

    private record Or(Expr left, Expr right) implements Expr {
        @Override
        public boolean test(Map<String, Object> row) {
            return left.test(row) || right.test(row);
        }
    }

    private record And(Expr left, Expr right) implements Expr {
        @Override
        public boolean test(Map<String, Object> row) {
            return left.test(row) && right.test(row);
        }
    }

    private record Not(Expr operand) implements Expr {
        @Override
        public boolean test(Map<String, Object> row) {
            return !operand.test(row);
        }
    }

    private enum Op {
        EQ, NE, GT, GE, LT, LE
    }

    /** A field or a literal. */
    private record Operand(String field, Object literal) {
        Object value(Map<String, Object> row) {
            return field != null ? row.get(field) : literal;
        }
    }

    private record Comparison(Operand left, Op op, Operand right) implements Expr {
        @Override
        public boolean test(Map<String, Object> row) {
            return compare(left.value(row), op, right.value(row));
        }
    }

    private static boolean compare(Object a, Op op, Object b) {
        if (a == null || b == null) {
            boolean bothNull = a == null && b == null;
            return switch (op) {
                case EQ -> bothNull;
                case NE -> !bothNull;
                default -> false;
            };
        }
        Integer order = order(a, b);
        if (order == null) {
            // not comparable (a number with a non-numeric text, a boolean with something else): only "ne" holds
            return op == Op.NE;
        }
        int c = order;
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
        };
    }

    /** Order of a against b, or null when they cannot be compared. */
    private static Integer order(Object a, Object b) {
        if (a instanceof Number || b instanceof Number) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Boolean x = bool(a);
            Boolean y = bool(b);
            return x == null || y == null ? null : Boolean.compare(x, y);
        }
        return Integer.signum(a.toString().compareTo(b.toString()));
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number || v instanceof CharSequence) {
            String s = v.toString().trim();
            if (v instanceof Double || v instanceof Float) {
                try {
                    return new BigDecimal(s);
                } catch (NumberFormatException e) {
                    return null; // NaN, Infinity
                }
            }
            return NUMBER.matcher(s).matches() || v instanceof Number ? new BigDecimal(s) : null;
        }
        return null;
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence s) {
            if ("true".equalsIgnoreCase(s.toString())) {
                return true;
            }
            if ("false".equalsIgnoreCase(s.toString())) {
                return false;
            }
        }
        return null;
    }

    // ---- parsing ---------------------------------------------------------------------------------------------------

    private enum Kind {
        WORD, TEXT, NUMBER, OPEN, CLOSE, END
    }

    /** A token; {@code pos} is 1-based. */
    private record Token(Kind kind, String text, int pos) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equals(keyword);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end";
                case TEXT -> "'" + text.replace("'", "''") + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> KEYWORDS = Set.of("eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not",
            "true", "false", "null");

    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private final Set<String> fields = new LinkedHashSet<>();
        private int next;

        Parser(String text) {
            this.text = text;
            this.tokens = tokenize(text);
        }

        Expr expression() {
            Expr left = and();
            while (peek().is("or")) {
                next++;
                left = new Or(left, and());
            }
            return left;
        }

        private Expr and() {
            Expr left = unary();
            while (peek().is("and")) {
                next++;
                left = new And(left, unary());
            }
            return left;
        }

        private Expr unary() {
            Token t = peek();
            if (t.is("not")) {
                next++;
                return new Not(unary());
            }
            if (t.kind() == Kind.OPEN) {
                next++;
                Expr inner = expression();
                Token close = peek();
                if (close.kind() != Kind.CLOSE) {
                    throw error(close, "expected ')'");
                }
                next++;
                return inner;
            }
            return comparison();
        }

        private Expr comparison() {
            Operand left = operand();
            Token op = peek();
            if (op.kind() != Kind.WORD || !OPERATORS.contains(op.text())) {
                throw error(op, "expected one of eq, ne, gt, ge, lt, le");
            }
            next++;
            Operand right = operand();
            return new Comparison(left, Op.valueOf(op.text().toUpperCase(java.util.Locale.ROOT)), right);
        }

        private Operand operand() {
            Token t = peek();
            switch (t.kind()) {
                case TEXT -> {
                    next++;
                    return new Operand(null, t.text());
                }
                case NUMBER -> {
                    next++;
                    return new Operand(null, new BigDecimal(t.text()));
                }
                case WORD -> {
                    if (t.is("true") || t.is("false")) {
                        next++;
                        return new Operand(null, Boolean.valueOf(t.text()));
                    }
                    if (t.is("null")) {
                        next++;
                        return new Operand(null, null);
                    }
                    if (!KEYWORDS.contains(t.text())) {
                        next++;
                        fields.add(t.text());
                        return new Operand(t.text(), null);
                    }
                    throw error(t, "expected a field or a literal");
                }
                default -> throw error(t, "expected a field or a literal");
            }
        }

        void expectEnd() {
            Token t = peek();
            if (t.kind() != Kind.END) {
                throw error(t, "expected 'and', 'or' or the end");
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private IllegalArgumentException error(Token at, String expected) {
            return new IllegalArgumentException(expected + " at position " + at.pos() + ", found " + at.describe()
                    + ": " + text);
        }

        private static List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    out.add(new Token(Kind.OPEN, "(", i + 1));
                    i++;
                } else if (c == ')') {
                    out.add(new Token(Kind.CLOSE, ")", i + 1));
                    i++;
                } else if (c == '\'') {
                    int start = i;
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IllegalArgumentException("unterminated text literal starting at position "
                                    + (start + 1) + ": " + s);
                        }
                        char d = s.charAt(i);
                        if (d == '\'') {
                            if (i + 1 < n && s.charAt(i + 1) == '\'') {
                                sb.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.append(d);
                        i++;
                    }
                    out.add(new Token(Kind.TEXT, sb.toString(), start + 1));
                } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    int start = i;
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                        i++;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                    if (i < n && isNamePart(s.charAt(i))) {
                        throw new IllegalArgumentException("bad number at position " + (start + 1) + ": " + s);
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), start + 1));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < n && (isNamePart(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '/')) {
                        i++;
                    }
                    out.add(new Token(Kind.WORD, s.substring(start, i), start + 1));
                } else {
                    throw new IllegalArgumentException("unexpected character '" + c + "' at position " + (i + 1)
                            + ": " + s);
                }
            }
            out.add(new Token(Kind.END, "", n + 1));
            return out;
        }

        private static boolean isNamePart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
