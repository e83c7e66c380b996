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
}
