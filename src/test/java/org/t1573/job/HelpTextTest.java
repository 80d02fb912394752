package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.ingest.Channels;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The help the command line prints: per command, the channels, and the values every option accepts. */
class HelpTextTest {
    /** What the command line prints to stdout for {@code args}, which must succeed. */
    private static String output(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    private static List<CommandSpec> everyCommand() {
        List<CommandSpec> specs = new ArrayList<>();
        CommandLine cl = Main.commandLine();
        specs.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
        return specs;
    }

    @Test
    void helpOfACommandPrintsThatCommandsUsage() {
        String help = output("help", "backtest");

        assertThat(help).startsWith("Usage: t1573-cep backtest").contains("--labels=FILE").isEqualTo(output("backtest", "--help"));
    }

    @Test
    void helpAlonePrintsTheCommandList() {
        String help = output("help");

        for (String command : Main.commandLine().getSubcommands().keySet()) {
            assertThat(help).as(command).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void theHelpOfEveryCommandTakingChannelsListsEveryChannelAndWhatItReads() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help", "backtest"},
                new String[] {"help", "stream"}, new String[] {"help", "publish"})) {
            String help = output(args).replaceAll("\\s+", " ");
            for (String channel : Channels.names()) {
                assertThat(help).as(String.join(" ", args)).contains(" " + channel + " " + Channels.describe(channel));
            }
        }
    }

    @Test
    void theChannelListFitsTheUsageWidth() {
        assertThat(ChannelHelp.footer()).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
    }

    @Test
    void everyOptionWithAFixedSetOfValuesListsThemInItsHelp() {
        // Enum options have their constants as candidates; the others name a class of their values.
        List<String> checked = new ArrayList<>();
        for (CommandSpec command : everyCommand()) {
            String help = new CommandLine(command).getUsageMessage().replaceAll("\\s+", " ");
            for (OptionSpec option : command.options()) {
                if (option.completionCandidates() != null) {
                    String values = String.join(", ", option.completionCandidates());
                    assertThat(help).as(command.qualifiedName() + " " + option.longestName()).contains(values);
                    checked.add(command.name() + " " + option.longestName());
                }
            }
        }
        assertThat(checked).contains("t1573-cep --mode", "t1573-cep --event-time", "backtest --mode",
                "backtest --event-time", "stream --event-time", "stream --state-backend");
    }

    @Test
    void setExplainsAddingAndRemovingListItems() {
        for (String command : List.of("backtest", "stream", "validate")) {
            assertThat(output("help", command).replaceAll("\\s+", " ")).as(command)
                    .contains("Name+=items adds and Name-=items removes items");
        }
    }
}
