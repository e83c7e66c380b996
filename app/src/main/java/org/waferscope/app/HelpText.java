package org.waferscope.app;

import java.util.List;

/**
 * What {@code --help} (or {@code help}) prints: the usage line, then a line on each option and
 * each command, and where to read more. The bare usage line said nothing of what the
 * commands do or how to ask one for its own options, the first thing a workshop's student types.
 */
final class HelpText {
    private HelpText() {
    }

    static final String TEXT = AppOptions.USAGE + """


            With no options: the explorer window, with a bundled sample open.

            Explorer options:
              --open DIR            open a program folder (layout.csl, PE programs, run.json) or an SDK example
              --build N             which build of an SDK example whose build script compiles several
              --sample NAME         open a bundled sample, e.g. broadcast-chain (the gallery lists them all)
              --param NAME=VALUE    set a layout param, as a lesson's "things to try" say (repeatable)
              --layer LAYER         utilization, sram, traffic, backpressure, task-state, route, or value:SYMBOL
              --select X,Y          select a PE for the core inspector
              --theme light|dark    the colour theme
              --window WxH          the window's size, e.g. 1280x800
              --screenshot FILE.png run the program, save the window as PNG, exit
              --cycles N            the cycles run before the screenshot (default 1000)
              --headless            with --screenshot: no display needed
              --exit-after MS       close after MS milliseconds

            Commands (each takes --help for its own options, e.g. waferscope run --help):
              run                   run a program to its end and print its checks and figures
              check                 load a program and say every error it has, without running it
              bench                 measure cycles per second on several thread counts
              export-trace          write a run as a Perfetto trace (open at ui.perfetto.dev)
              compare               run two programs, or one with two sets of params, side by side
              train                 train a cluster program (cluster-digits) on simulated CS systems
              sdk-examples-check    run every example of a csl-examples checkout

            A command takes a program folder or the name of a bundled sample:
              waferscope run broadcast-chain
              waferscope run game-of-life --param width=64 --param height=64""";

    /** The help for these arguments, or null when they ask for none. */
    static String of(List<String> args) {
        boolean asked = args.contains("--help") || args.contains("-h") || !args.isEmpty() && args.get(0).equals("help");
        return asked ? TEXT : null;
    }
}
