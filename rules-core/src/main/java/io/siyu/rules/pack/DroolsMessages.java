package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Messages;
import io.siyu.rules.diagnostic.Severity;
import org.drools.drl.parser.DroolsError;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' build messages into diagnostics a person can act on: the pack-relative file, the real
 * line and column (Drools often reports column 0 and hides the position in the text), redundant
 * follow-up messages removed, duplicates removed.
 */
final class DroolsMessages {
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern POSITION = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)");
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private final Messages messages;
    private final List<RuleSource> sources;

    DroolsMessages(Messages messages, List<RuleSource> sources) {
        this.messages = messages;
        this.sources = sources;
    }

    List<Diagnostic> translate(List<Message> kieMessages) {
        Set<Diagnostic> out = new LinkedHashSet<>();
        for (Message m : kieMessages) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.contains(NULL_PACKAGE)) {
                continue;
            }
            String file = m.getPath() == null ? "" : m.getPath();
            if (file.startsWith(RESOURCES)) {
                file = file.substring(RESOURCES.length());
            }
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            Matcher at = POSITION.matcher(text);
            if (at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2)) + 1;
            }
            Severity severity = m.getLevel() == Message.Level.ERROR ? Severity.ERROR : Severity.WARNING;
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            out.add(new Diagnostic(file, line, column, severity, "drl.compile", "",
                    messages.format("drl.compile", firstLine(text))));
        }
        return new ArrayList<>(out);
    }

    List<Diagnostic> translateParserErrors(String file, List<DroolsError> errors) {
        Set<Diagnostic> out = new LinkedHashSet<>();
        for (DroolsError e : errors) {
            String text = e.getMessage() == null ? "" : e.getMessage().strip();
            if (text.contains(NULL_PACKAGE)) {
                continue;
            }
            int[] lines = e.getLines();
            int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
            int column = 0;
            Matcher at = POSITION.matcher(text);
            if (at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2)) + 1;
            }
            out.add(new Diagnostic(file, line, column, Severity.ERROR, "drl.syntax", "",
                    messages.format("drl.syntax", firstLine(text))));
        }
        return new ArrayList<>(out);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
