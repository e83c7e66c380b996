package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every option of every command says in its --help what it does (bench's --arch said nothing). */
class OptionsSayWhatTheyDoTest {
    @Test
    void everyOptionOfEveryCommandHasADescription() {
        List<String> silent = new ArrayList<>();
        CommandLine root = new CommandLine(WaferscopeCli.class);
        for (CommandLine c : root.getSubcommands().values()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (String.join("", o.description()).isBlank()) {
                    silent.add(c.getCommandName() + " " + o.longestName());
                }
            }
        }
        assertEquals(List.of(), silent);
    }

    @Test
    void noFileNameIsBrokenAcrossLinesInAnyHelp() {
        // the eighth review: bench --help wrapped "run.py" as "run." / "py" (picocli may wrap after a dot)
        java.util.regex.Pattern file = java.util.regex.Pattern.compile("[A-Za-z_][\\w-]*\\.(py|json|csl|sh|png|csv)\\b");
        List<String> broken = new ArrayList<>();
        CommandLine root = new CommandLine(WaferscopeCli.class);
        List<CommandLine> all = new ArrayList<>(root.getSubcommands().values());
        all.add(root);
        for (CommandLine c : all) {
            String said = String.join(" ", c.getCommandSpec().usageMessage().description());
            for (OptionSpec o : c.getCommandSpec().options()) {
                said += " " + String.join(" ", o.description());
            }
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            java.util.regex.Matcher m = file.matcher(said);
            while (m.find()) {
                if (!help.contains(m.group())) {
                    broken.add(c.getCommandName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noOptionIsBrokenAcrossLinesInAnySynopsis() {
        // the ninth review: compare's synopsis wrapped "[--build=N[:" / "VARIANT]]", train's "[--plot=FILE." / "png]"
        List<String> broken = new ArrayList<>();
        CommandLine root = new CommandLine(WaferscopeCli.class);
        for (CommandLine c : root.getSubcommands().values()) {
            StringBuilder synopsis = new StringBuilder();
            for (String line : c.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R")) {
                if (synopsis.length() > 0 && !line.startsWith(" ")) {
                    break;
                }
                synopsis.append(line).append('\n');
            }
            for (OptionSpec o : c.getCommandSpec().options()) {
                String whole = o.longestName() + "=" + o.paramLabel();
                if (o.arity().max() > 0 && synopsis.indexOf(o.longestName() + "=") >= 0 && synopsis.indexOf(whole) < 0) {
                    broken.add(c.getCommandName() + ": " + whole);
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
