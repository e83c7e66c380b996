package org.waferscope.app.window;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.waferscope.engine.arch.ArchProfile;

/**
 * Help → The simulated machine: the figures of the architecture profile the program runs on,
 * and the choices Waferscope makes where the public record is silent (hop time, buffers,
 * which task runs next), so a teacher can point at them instead of at the source.
 */
final class MachineSheet {
    private MachineSheet() {
    }

    static String title(ArchProfile p) {
        return "The simulated machine: " + p.name().toUpperCase(Locale.ROOT).replace("WSE", "WSE-");
    }

    static Node of(ArchProfile p) {
        GridPane figures = new GridPane();
        figures.setHgap(16);
        figures.setVgap(2);
        int row = 0;
        row = add(figures, row, "fabric", String.format(Locale.ROOT, "%d × %d PEs", p.fabricWidth(), p.fabricHeight()));
        row = add(figures, row, "clock", String.format(Locale.ROOT, "%.2f GHz (turns cycles into time)", p.clockHz() / 1e9));
        row = add(figures, row, "memory per PE", p.sramBytes() / 1024 + " KB of SRAM, code and data");
        row = add(figures, row, "colors", p.colors() + " routable colors (virtual channels) per link");
        row = add(figures, row, "tasks", p.taskIds() + " task ids; reserved for the host's copies: "
                + p.reservedTaskIds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        row = add(figures, row, "input queues", p.inputQueues() + ", holding " + words(p.inputQueueDepths()));
        row = add(figures, row, "output queues", p.outputQueues() + ", holding " + words(p.outputQueueDepths()));
        add(figures, row, "microthreads", String.valueOf(p.microthreads()));
        Label heading = new Label("Where the public record is silent, Waferscope chooses:");
        heading.getStyleClass().add("inspector-section");
        VBox choices = new VBox(2);
        for (String d : p.defaults()) {
            Label l = new Label("•  " + d);
            l.setWrapText(true);
            l.setMaxWidth(520);
            choices.getChildren().add(l);
        }
        Label more = new Label("Sources and reasons: README, \"The machine it simulates\", and docs/csl-subset.md.");
        more.getStyleClass().add("inspector-hint");
        VBox sheet = new VBox(10, figures, heading, choices, more);
        sheet.setId("machine-sheet");
        return sheet;
    }

    private static int add(GridPane grid, int row, String what, String value) {
        grid.addRow(row, new Label(what), new Label(value));
        return row + 1;
    }

    private static String words(java.util.List<Integer> depths) {
        return depths.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " wavelets";
    }
}
